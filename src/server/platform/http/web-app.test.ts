// The server serves the built web app: cache rules, deep links, the app's CSP, and the API's own
// 404s and headers left alone. Runs over a small stand-in build, so it needs no `npm run build`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { startTestEnv, type TestEnv } from '../../../../test/support/app.ts';

const INDEX = '<!doctype html><html><head><meta property="csp-nonce" nonce="__CSP_NONCE__"><script type="module" src="/assets/index-Ab12Cd.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("NileCare");'.repeat(50);

let env: TestEnv;
let app: FastifyInstance;
let missing: FastifyInstance;
let dir: string;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'assets', 'index-Ab12Cd.js.br'), zlib.brotliCompressSync(SCRIPT));
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  env = await startTestEnv({ client: 'sqlite' });
  app = await buildApp({ ...env, webDir: dir });
  missing = await buildApp({ ...env, webDir: path.join(dir, 'not-built') });
});
after(async () => {
  await app.close();
  await missing.close();
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}, on = app) => on.inject({ method: 'GET', url, headers });

test('/ and every deep link answer index.html, never cached, with a fresh nonce in its CSP', async () => {
  const nonces = new Set<string>();
  for (const url of ['/', '/patients/0194f7a0-0000-7000-8000-000000000001', '/account?tab=mfa', '/sign-in']) {
    const res = await get(url);
    assert.equal(res.statusCode, 200, url);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    const csp = String(res.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && res.body.includes(`nonce="${nonce}"`), 'the page carries the nonce its policy names');
    assert.ok(!res.body.includes('__CSP_NONCE__'));
    nonces.add(nonce);
    assert.match(csp, /script-src 'self'(;|$)/, 'no inline scripts');
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
  }
  assert.equal(nonces.size, 4, 'a new nonce per response');
});

test('hashed assets are cached for a year and sent pre-compressed when the browser accepts it', async () => {
  const res = await get('/assets/index-Ab12Cd.js', { 'accept-encoding': 'br, gzip' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.match(String(res.headers['content-type']), /javascript/);
  assert.equal(res.headers['content-encoding'], 'br');
  assert.equal(zlib.brotliDecompressSync(res.rawPayload).toString(), SCRIPT);
  const plain = await get('/assets/index-Ab12Cd.js');
  assert.equal(plain.body, SCRIPT);
});

test('other files are served but revalidated; a missing file is a 404, not the app', async () => {
  const icon = await get('/favicon.svg');
  assert.equal(icon.statusCode, 200);
  assert.equal(icon.headers['cache-control'], 'no-cache');
  for (const url of ['/assets/index-Old999.js', '/robots.txt']) {
    const res = await get(url);
    assert.equal(res.statusCode, 404, url);
    assert.match(String(res.headers['content-type']), /problem\+json/);
  }
  for (const url of ['/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json']) {
    const res = await get(url);
    assert.ok(res.statusCode !== 200 || !res.body.includes('"name"'), url);
  }
  const nul = await get('/favicon.svg%00.png');
  assert.equal(nul.statusCode, 404, 'a NUL in a file name is a 404, not a 500');
});

test('the API, health and metrics keep their own answers and headers', async () => {
  const unknown = await get('/api/v1/no-such-thing');
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().code, 'route_not_found');
  assert.equal((await get('/api/no-such-thing')).json().code, 'route_not_found');
  const me = await get('/api/v1/auth/me');
  assert.equal(me.statusCode, 401);
  assert.doesNotMatch(String(me.headers['content-security-policy']), /nonce-/, 'the API keeps its own policy');
  assert.equal((await get('/health')).statusCode, 200);
  assert.equal((await get('/healthz')).statusCode, 200, 'only /health itself and below belong to the API');
  assert.equal((await app.inject({ method: 'POST', url: '/some/page' })).statusCode, 404);
});

test('without a build, pages say how to build it and the API still works', async () => {
  const res = await get('/', {}, missing);
  assert.equal(res.statusCode, 404);
  assert.match(res.json().detail, /npm run build/);
  assert.equal((await get('/health', {}, missing)).statusCode, 200);
});
