// A browser app on CORS_ORIGIN must be able to call every method the API uses with the headers it
// needs: the preflight is sent over a real socket as a browser sends it. CORS touches no data, so
// one database is enough.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';

const APP = 'https://app.clinic.example';
const NEEDED_HEADERS = ['authorization', 'content-type', 'if-match', 'x-facility-id', 'x-request-id', 'accept-language'];

let t: TestApp;
let base: string;
before(async () => {
  t = await startTestApp({ client: 'sqlite' }, { CORS_ORIGIN: APP });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
after(() => t.close());

const preflight = (method: string, origin = APP) => fetch(`${base}/api/v1/patients/0194f7a0-0000-7000-8000-000000000001`, {
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': NEEDED_HEADERS.join(',') },
});

const list = (value: string | null) => (value ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);

test('the preflight allows every method the API uses, with the headers it needs', async () => {
  // Every method a route answers to, so a route with a new method fails here until CORS allows it.
  const methods = new Set(t.app.routeTable.map((r) => r.method).filter((m) => m !== 'OPTIONS'));
  assert.ok(['PATCH', 'PUT', 'DELETE'].every((m) => methods.has(m)), [...methods].join(','));
  for (const method of methods) {
    const res = await preflight(method);
    assert.equal(res.status, 204, method);
    assert.equal(res.headers.get('access-control-allow-origin'), APP, method);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.ok(list(res.headers.get('access-control-allow-methods')).includes(method.toLowerCase()), `${method}: ${res.headers.get('access-control-allow-methods')}`);
    const allowed = list(res.headers.get('access-control-allow-headers'));
    for (const h of NEEDED_HEADERS) assert.ok(allowed.includes(h), `${h} not in ${allowed.join(',')}`);
  }
});

test('an actual cross-origin PATCH answers with the origin and exposes ETag', async () => {
  const res = await fetch(`${base}/api/v1/patients/0194f7a0-0000-7000-8000-000000000001`, {
    method: 'PATCH', headers: { origin: APP, 'content-type': 'application/json' }, body: '{}',
  });
  assert.equal(res.status, 401);
  assert.equal(res.headers.get('access-control-allow-origin'), APP);
  assert.ok(list(res.headers.get('access-control-expose-headers')).includes('etag'));
});

test('another origin is not allowed', async () => {
  const res = await preflight('PATCH', 'https://evil.example');
  assert.equal(res.headers.get('access-control-allow-origin'), null);
});
