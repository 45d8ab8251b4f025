// The session's request handling against a scripted server: headers, one shared refresh for
// concurrent 401s, retry with the new token, and the end of the session when the refresh is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from './session.ts';

const BASE = 'http://clinic.test';
const problem = (status: number, code: string) => new Response(JSON.stringify({ status, code }), { status, headers: { 'content-type': 'application/problem+json' } });
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

/** A server whose valid access token is `current`; each refresh issues the next one. */
function server(opts: { refreshRefused?: boolean } = {}) {
  const state = { current: 'token-1', refreshes: 0, seen: [] as { url: string; auth: string | null; headers: Headers; body: string }[] };
  const fetch = async (request: Request) => {
    const url = new URL(request.url).pathname;
    state.seen.push({ url, auth: request.headers.get('authorization'), headers: request.headers, body: await request.clone().text() });
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (url === '/api/v1/auth/refresh') {
      state.refreshes++;
      if (opts.refreshRefused) return problem(401, 'token_invalid');
      state.current = `token-${state.refreshes + 1}`;
      return json({ accessToken: state.current, expiresIn: 900, tokenType: 'Bearer' });
    }
    if (url === '/api/v1/auth/login') return problem(401, 'invalid_credentials');
    if (request.headers.get('authorization') !== `Bearer ${state.current}`) return problem(401, 'token_invalid');
    return json({ ok: true, body: await request.text() });
  };
  return { state, fetch };
}

test('every request carries the token, the web-client header, the facility and the language', async () => {
  const s = server();
  const session = new Session({ baseUrl: BASE, fetch: s.fetch });
  session.start('token-1');
  session.facilityId = '0194f7a0-0000-7000-8000-000000000001';
  session.language = 'ar';
  const res = await session.fetch(new Request(`${BASE}/api/v1/auth/me`));
  assert.equal(res.status, 200);
  const { headers } = s.state.seen[0]!;
  assert.equal(headers.get('authorization'), 'Bearer token-1');
  assert.equal(headers.get('x-nilecare-client'), 'web');
  assert.equal(headers.get('x-facility-id'), '0194f7a0-0000-7000-8000-000000000001');
  assert.equal(headers.get('accept-language'), 'ar');
});

test('concurrent requests with an expired token share one refresh and are retried with the new token and body', async () => {
  const s = server();
  const session = new Session({ baseUrl: BASE, fetch: s.fetch });
  session.start('token-0'); // already expired
  const results = await Promise.all([1, 2, 3].map((n) =>
    session.fetch(new Request(`${BASE}/api/v1/things`, { method: 'POST', body: JSON.stringify({ n }), headers: { 'content-type': 'application/json' } }))));
  assert.deepEqual(results.map((r) => r.status), [200, 200, 200]);
  assert.equal(s.state.refreshes, 1, 'one refresh for all three');
  const bodies = await Promise.all(results.map((r) => r.json() as Promise<{ body: string }>));
  assert.deepEqual(bodies.map((b) => JSON.parse(b.body).n), [1, 2, 3], 'each retry resends its own body');
  const refresh = s.state.seen.find((r) => r.url === '/api/v1/auth/refresh')!;
  assert.equal(refresh.auth, null, 'the refresh is authenticated by the cookie alone');
  assert.equal(refresh.headers.get('x-nilecare-client'), 'web');
  assert.equal(refresh.body, '{}');
});

test('a refused refresh ends the session once and returns the 401', async () => {
  const s = server({ refreshRefused: true });
  const session = new Session({ baseUrl: BASE, fetch: s.fetch });
  let expired = 0;
  session.onExpired(() => expired++);
  session.start('token-0');
  const res = await session.fetch(new Request(`${BASE}/api/v1/auth/me`));
  assert.equal(res.status, 401);
  assert.equal(expired, 1);
  assert.equal(session.signedIn, false);
});

test('wrong credentials at sign-in are not mistaken for an expired token', async () => {
  const s = server();
  const session = new Session({ baseUrl: BASE, fetch: s.fetch });
  session.start('token-1');
  const res = await session.fetch(new Request(`${BASE}/api/v1/auth/login`, { method: 'POST', body: '{}' }));
  assert.equal(res.status, 401);
  assert.equal(s.state.refreshes, 0);
  assert.equal(session.signedIn, true);
});

test('the cross-tab lock wraps every refresh', async () => {
  const s = server();
  let held = 0;
  const session = new Session({ baseUrl: BASE, fetch: s.fetch, lock: async (fn) => { held++; return fn(); } });
  assert.equal(await session.refresh(), true);
  assert.equal(held, 1);
  assert.equal(session.signedIn, true);
});
