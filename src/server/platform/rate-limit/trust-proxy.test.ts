// X-Forwarded-For is believed only from a configured proxy (TRUST_PROXY). Real HTTP over a socket,
// because inject() makes the peer address up. Without a trusted proxy a client cannot get a fresh
// per-address budget — general or sign-in — by sending a new X-Forwarded-For each time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import type { TestDialect } from '../../../../test/support/dialects.ts';
import { addLoginProbe, hasLoginRoute, LOGIN_PROBE, LOGIN_ROUTE } from '../../../../test/support/login-probe.ts';
import { LOGIN_LIMITS } from './login-throttle.ts';

function testRoutes(app: FastifyInstance) {
  app.get('/api/v1/test/ip', { config: { access: 'public' } }, async (req) => ({ ip: req.ip }));
  addLoginProbe(app);
}

interface Served { t: TestApp; url: string }

async function serve(dialect: TestDialect, env: Record<string, string>): Promise<Served> {
  const t = await startTestApp(dialect, env, { beforeReady: testRoutes });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return { t, url: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}` };
}

const spoofed = () => `203.0.113.${1 + (randomBytes(1)[0]! % 254)}`;
const email = () => `user-${randomBytes(4).toString('hex')}@test.nilecare.local`;

async function seenIp(s: Served, forwardedFor?: string): Promise<string> {
  const res = await fetch(`${s.url}/api/v1/test/ip`, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  assert.equal(res.status, 200);
  return ((await res.json()) as { ip: string }).ip;
}

const post = (s: Served, path: string, body: unknown) =>
  fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': spoofed() }, body: JSON.stringify(body) });

eachDialect((dialect) => {
  let none: Served, noneLimited: Served, viaLocal: Served, viaOther: Served;
  before(async () => {
    [none, noneLimited, viaLocal, viaOther] = await Promise.all([
      serve(dialect, { TRUST_PROXY: '' }),
      serve(dialect, { TRUST_PROXY: '', RATE_LIMIT_MAX: '5' }),
      serve(dialect, { TRUST_PROXY: '127.0.0.1' }),
      serve(dialect, { TRUST_PROXY: '10.0.0.1' }),
    ]);
  });
  after(() => Promise.all([none, noneLimited, viaLocal, viaOther].map((s) => s?.t.close())));

  test('with no TRUST_PROXY, X-Forwarded-For is ignored: the address is the socket peer', async () => {
    assert.equal(await seenIp(none, '203.0.113.7'), '127.0.0.1');
  });

  test('when the peer is a configured proxy, X-Forwarded-For names the client', async () => {
    assert.equal(await seenIp(viaLocal), '127.0.0.1');
    assert.equal(await seenIp(viaLocal, '203.0.113.7'), '203.0.113.7');
    // Entries the client wrote before the proxy appended its own are not believed.
    assert.equal(await seenIp(viaLocal, '6.6.6.6, 203.0.113.7'), '203.0.113.7');
  });

  test('when the peer is not a configured proxy, X-Forwarded-For is ignored', async () => {
    assert.equal(await seenIp(viaOther, '203.0.113.7'), '127.0.0.1');
  });

  test('rotating X-Forwarded-For does not escape the general per-address limit', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await fetch(`${noneLimited.url}/api/v1/test/ip`, { headers: { 'x-forwarded-for': spoofed() } })).status, 200);
    const res = await fetch(`${noneLimited.url}/api/v1/test/ip`, { headers: { 'x-forwarded-for': spoofed() } });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
  });

  test('rotating X-Forwarded-For (and accounts) does not escape the per-address sign-in limit', async () => {
    for (let i = 0; i < LOGIN_LIMITS.ipMax; i++) assert.equal((await post(none, LOGIN_PROBE, { email: email() })).status, 401);
    const res = await post(none, LOGIN_PROBE, { email: email() });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
  });

  test('the same holds on the real sign-in route', async (ctx) => {
    if (!hasLoginRoute(viaOther.t.app)) {
      ctx.skip(`${LOGIN_ROUTE} is not registered yet (modules/auth)`);
      return;
    }
    // viaOther: a proxy is configured, but this peer is not it, so its X-Forwarded-For must not count.
    for (let i = 0; i < LOGIN_LIMITS.ipMax; i++) {
      const res = await post(viaOther, LOGIN_ROUTE, { email: email(), password: 'Wrong-Password-123' });
      assert.notEqual(res.status, 429, `attempt ${i + 1}`);
    }
    const res = await post(viaOther, LOGIN_ROUTE, { email: email(), password: 'Wrong-Password-123' });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
  });
});
