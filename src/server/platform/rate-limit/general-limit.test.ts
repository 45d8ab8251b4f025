// The general API limit through real HTTP on every database: per address before authentication,
// per signed-in user after it, 429 problems with Retry-After, RateLimit-* headers on /api only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, tokenFor, authHeaders } from '../../../../test/support/fixtures.ts';

const MAX = 5;
// A fresh client each call: a random /56 of the IPv6 documentation range (limits count IPv6 per /56).
const ip = () => `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(1).toString('hex')}00::1`;

eachDialect((dialect) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(dialect, { RATE_LIMIT_MAX: String(MAX), RATE_LIMIT_WINDOW: '15m' }, {
      beforeReady: (app) => {
        app.get('/api/v1/test/ping', { config: { access: 'public' } }, async () => ({ ok: true }));
        app.get('/api/v1/test/me', { config: { access: 'authenticated' } }, async (req) => ({ userId: req.principal!.userId }));
      },
    });
  });
  after(() => t.close());

  const get = (url: string, remoteAddress: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, remoteAddress, headers });

  function assertTooMany(res: Awaited<ReturnType<typeof get>>) {
    assert.equal(res.statusCode, 429);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.equal(res.json().code, 'too_many_requests');
    const retryAfter = Number(res.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 900, `Retry-After ${retryAfter}`);
    assert.equal(res.headers['ratelimit-remaining'], '0');
  }

  test(`an address gets ${MAX} requests per window, then 429 with Retry-After; others are unaffected`, async () => {
    const from = ip();
    for (let i = 1; i <= MAX; i++) {
      const res = await get('/api/v1/test/ping', from);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['ratelimit-limit'], String(MAX));
      assert.equal(res.headers['ratelimit-remaining'], String(MAX - i));
      const reset = Number(res.headers['ratelimit-reset']);
      assert.ok(reset >= 1 && reset <= 900, `RateLimit-Reset ${reset}`);
    }
    assertTooMany(await get('/api/v1/test/ping', from));
    assert.equal((await get('/api/v1/test/ping', ip())).statusCode, 200);
  });

  test('addresses within one IPv6 /56 share a budget', async () => {
    const net = ip().replace(/00::1$/, '');
    for (let i = 0; i < MAX; i++) assert.equal((await get('/api/v1/test/ping', `${net}${i.toString(16).padStart(2, '0')}::${i + 7}`)).statusCode, 200);
    assertTooMany(await get('/api/v1/test/ping', `${net}ff:1:2:3:4`));
  });

  test('requests to unknown /api routes count too', async () => {
    const from = ip();
    for (let i = 0; i < MAX; i++) assert.equal((await get(`/api/v1/nothing-${i}`, from)).statusCode, 404);
    assertTooMany(await get('/api/v1/test/ping', from));
  });

  test('the address limit comes before authentication: token guessing is cut off', async () => {
    const from = ip();
    for (let i = 0; i < MAX; i++) {
      assert.equal((await get('/api/v1/test/me', from, { authorization: `Bearer guess-${i}` })).statusCode, 401);
    }
    assertTooMany(await get('/api/v1/test/me', from, { authorization: 'Bearer guess-final' }));
  });

  test('a signed-in user has a budget of their own across addresses', async () => {
    const facility = await createFacility(t.db);
    const user = await createUser(t.db, [{ facilityId: facility.id, role: 'nurse' }]);
    const other = await createUser(t.db, [{ facilityId: facility.id, role: 'nurse' }]);
    const headers = authHeaders(await tokenFor(t.app, user.id));
    for (let i = 1; i <= MAX; i++) {
      const res = await get('/api/v1/test/me', ip(), headers);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().userId, user.id);
      // A fresh address has budget to spare, so the headers show the user's.
      assert.equal(res.headers['ratelimit-remaining'], String(MAX - i));
    }
    assertTooMany(await get('/api/v1/test/me', ip(), headers));
    assert.equal((await get('/api/v1/test/me', ip(), authHeaders(await tokenFor(t.app, other.id)))).statusCode, 200);
  });

  test('health, metrics and the API docs are never limited and carry no RateLimit headers', async () => {
    const from = ip();
    for (const url of ['/health', '/health/ready', '/metrics', '/api/docs/openapi.json']) {
      for (let i = 0; i <= MAX + 1; i++) {
        const res = await get(url, from);
        assert.equal(res.statusCode, 200, `${url} #${i}`);
        assert.equal(res.headers['ratelimit-limit'], undefined, url);
      }
    }
    // None of that was counted against the address.
    assert.equal((await get('/api/v1/test/ping', from)).headers['ratelimit-remaining'], String(MAX - 1));
  });
});
