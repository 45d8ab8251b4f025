// `npm run test:smoke -- --url https://nilecare.example.org [--insecure] [--expect-web]`
// The production plan's smoke tests, against any running deployment: every part's health, sign-in
// with a dedicated smoke account, and read-only checks. Exits 1 if any check fails.
//
// The smoke account comes from the environment: SMOKE_EMAIL, SMOKE_PASSWORD, and SMOKE_TOTP_SECRET
// when the account has MFA on (docs/operations.md "Smoke tests" says how to create one).
// --insecure accepts a self-signed certificate (a staging gateway); never use it in production.
import http from 'node:http';
import https from 'node:https';
import { parseArgs } from 'node:util';
import { Secret, TOTP } from 'otpauth';

const { values: args } = parseArgs({
  options: { url: { type: 'string' }, insecure: { type: 'boolean', default: false }, 'expect-web': { type: 'boolean', default: false } },
});
if (!args.url) {
  console.error('usage: npm run test:smoke -- --url https://host [--insecure] [--expect-web]');
  process.exit(2);
}
const base = new URL(args.url);
const env = process.env;

interface Res { status: number; headers: http.IncomingHttpHeaders; text: string; json: () => Record<string, unknown> }

function request(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Res> {
  const url = new URL(path, base);
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers = { accept: 'application/json, text/html', ...(body ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method, headers, rejectUnauthorized: !args.insecure, timeout: 15_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (s: string) => { text += s; }).on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
      });
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 15 s')));
    req.on('error', reject);
    req.end(body);
  });
}

const results: { name: string; ok: boolean; detail: string }[] = [];

async function check(name: string, fn: () => Promise<string | void>): Promise<void> {
  try {
    const detail = (await fn()) ?? '';
    results.push({ name, ok: true, detail });
    console.log(`  ok    ${name}${detail ? ` (${detail})` : ''}`);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    results.push({ name, ok: false, detail });
    console.log(`  FAIL  ${name}: ${detail}`);
  }
}

function expectStatus(res: Res, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
}

async function signIn(email: string, password: string): Promise<{ accessToken: string; facilityId?: string }> {
  let res = await request('POST', '/api/v1/auth/login', { body: { email, password } });
  if (res.status === 401 && res.json().code === 'mfa_required') {
    if (!env.SMOKE_TOTP_SECRET) throw new Error('the smoke account has MFA on: set SMOKE_TOTP_SECRET');
    const code = new TOTP({ secret: Secret.fromBase32(env.SMOKE_TOTP_SECRET) }).generate();
    res = await request('POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: res.json().mfaToken, code } });
  }
  expectStatus(res, 200);
  const session = res.json() as { accessToken: string; user: { memberships: { facilityId: string }[] } };
  return { accessToken: session.accessToken, facilityId: env.SMOKE_FACILITY_ID ?? session.user.memberships[0]?.facilityId };
}

console.log(`Smoke tests against ${base.origin}${args.insecure ? ' (certificate not verified)' : ''}`);

await check('GET /health: the process is alive', async () => {
  const res = await request('GET', '/health');
  expectStatus(res, 200);
  if (base.protocol === 'https:' && !String(res.headers['strict-transport-security'] ?? '').includes('max-age=')) throw new Error('no Strict-Transport-Security header over HTTPS');
});
for (const part of ['ready', 'auth', 'business', 'clinical', 'billing', 'notification']) {
  await check(`GET /health/${part}`, async () => {
    const res = await request('GET', `/health/${part}`);
    expectStatus(res, 200);
  });
}
await check('GET /: the staff web app', async () => {
  const res = await request('GET', '/');
  if (res.status === 404 && !args['expect-web']) return 'not served by this build; --expect-web makes it required';
  expectStatus(res, 200);
  if (!String(res.headers['content-type']).startsWith('text/html')) throw new Error(`expected HTML, got ${res.headers['content-type']}`);
});

const email = env.SMOKE_EMAIL;
const password = env.SMOKE_PASSWORD;
if (!email || !password) {
  await check('sign-in with the smoke account', async () => { throw new Error('set SMOKE_EMAIL and SMOKE_PASSWORD'); });
} else {
  let session: { accessToken: string; facilityId?: string } | undefined;
  await check('POST /api/v1/auth/login: the smoke account signs in', async () => { session = await signIn(email, password); });
  if (session) {
    const auth = { authorization: `Bearer ${session.accessToken}`, ...(session.facilityId ? { 'x-facility-id': session.facilityId } : {}) };
    await check('GET /api/v1/auth/me', async () => {
      const res = await request('GET', '/api/v1/auth/me', { headers: auth });
      expectStatus(res, 200);
      if (res.json().email !== email.toLowerCase()) throw new Error(`signed in as ${String(res.json().email)}`);
    });
    await check('GET /api/v1/patients?q=…: a patient search answers', async () => {
      const res = await request('GET', '/api/v1/patients?q=smoke-test&limit=1', { headers: auth });
      expectStatus(res, 200);
    });
    await check('POST /api/v1/auth/logout: the smoke session ends', async () => {
      expectStatus(await request('POST', '/api/v1/auth/logout', { headers: auth }), 204);
    });
  }
}

const failed = results.filter((r) => !r.ok).length;
// Worded so that CI, which reads a run's last "N passed, N failed" line, does not mistake it for the test suite's.
console.log(failed ? `SMOKE TESTS FAILED: ${failed} of ${results.length} checks` : `smoke tests OK: all ${results.length} checks`);
process.exit(failed ? 1 : 0);
