// `npm run test:smoke` against a real server: passes on a healthy deployment with a working smoke
// account, and exits 1 naming the check when sign-in or a part's health fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startTestApp, type TestApp } from './support/app.ts';
import { createFacility, createUser, type TestUser } from './support/fixtures.ts';
import { beat } from '../src/server/platform/outbox/heartbeat.ts';

const SCRIPT = path.resolve(import.meta.dirname, '../scripts/smoke.ts');
let t: TestApp;
let url: string;
let smoke: TestUser;

before(async () => {
  t = await startTestApp({ client: 'sqlite' });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const facility = await createFacility(t.db);
  smoke = await createUser(t.db, [{ facilityId: facility.id, role: 'pharmacist' }]);
});
after(() => t.close());

function runSmoke(env: Record<string, string>, ...extra: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [SCRIPT, '--url', url, ...extra], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => { out += s; });
  child.stderr.setEncoding('utf8').on('data', (s: string) => { out += s; });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

test('a healthy deployment with a worker and a working smoke account passes', async () => {
  await beat(t.db, 'smoke-test-worker');
  const r = await runSmoke({ SMOKE_EMAIL: smoke.email, SMOKE_PASSWORD: smoke.password });
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /ok {4}GET \/api\/v1\/patients/);
  assert.match(r.out, /^smoke tests OK: all \d+ checks$/m);
  const logouts = await t.db.kysely.selectFrom('audit_events').select('id').where('action', '=', 'auth.logout').where('actor_id', '=', smoke.id).execute();
  assert.equal(logouts.length, 1, 'the smoke session is ended, not left open');
});

test('a wrong password fails the run with exit 1 and names the check', async () => {
  await beat(t.db, 'smoke-test-worker');
  const r = await runSmoke({ SMOKE_EMAIL: smoke.email, SMOKE_PASSWORD: 'not-the-password-1' });
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /FAIL {2}POST \/api\/v1\/auth\/login/);
  assert.match(r.out, /^SMOKE TESTS FAILED: 1 of \d+ checks$/m);
});

test('a missing worker fails the notification health check; --expect-web fails without a web app', async () => {
  await t.db.kysely.deleteFrom('worker_heartbeats').execute();
  const r = await runSmoke({ SMOKE_EMAIL: smoke.email, SMOKE_PASSWORD: smoke.password }, '--expect-web');
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /FAIL {2}GET \/health\/notification/);
  if (!/ok {4}GET \/: the staff web app/.test(r.out)) assert.match(r.out, /FAIL {2}GET \/: the staff web app/);
});

test('without the smoke account variables the run fails rather than skipping sign-in', async () => {
  const r = await runSmoke({});
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /set SMOKE_EMAIL and SMOKE_PASSWORD/);
});
