// Errors that happen before routing, or while the server shuts down, have the one problem+json
// format too. Tested at the raw HTTP level against a listening server, because some of them are
// written by Node's parser hook before Fastify has a request. The log is read as well: a rejected
// request's raw bytes (its bearer token) never reach it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { startTestEnv, type TestEnv } from '../../../../test/support/app.ts';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.secret-bearer-token-value';

/** Sends raw bytes on a fresh connection and answers everything the server wrote back. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => { data += chunk.toString(); });
    socket.on('close', () => resolve(data));
    socket.on('error', (err) => (data ? resolve(data) : reject(err)));
    socket.write(request);
  });
}

interface RawResponse { status: number; headers: Record<string, string>; body: Record<string, unknown> }

function parse(response: string): RawResponse {
  const [head = '', body = ''] = response.split('\r\n\r\n', 2);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) as Record<string, unknown> };
}

function assertProblem(res: RawResponse, status: number, code: string) {
  assert.equal(res.status, status);
  assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
  assert.equal(res.body.status, status);
  assert.equal(res.body.code, code);
  assert.ok(res.body.requestId, 'a request id to quote');
  assert.ok(typeof res.body.detail === 'string' && res.body.detail.length > 10);
}

let env: TestEnv;
let app: FastifyInstance;
let port: number;
const logLines: string[] = [];
let releaseSlow: () => void = () => {};
let slowEntered: Promise<void>;

before(async () => {
  env = await startTestEnv({ client: 'sqlite' }, { LOG_LEVEL: 'trace' });
  const logStream = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
  app = await buildApp({ ...env, logStream });
  let entered: () => void;
  slowEntered = new Promise((r) => { entered = r; });
  app.get('/api/v1/slow', { config: { access: 'public' } }, async () => {
    entered();
    await new Promise<void>((r) => { releaseSlow = r; });
    return { done: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as net.AddressInfo).port;
});
after(async () => {
  releaseSlow();
  await app.close();
  await env.close();
});

test('431: a 20 KB header is a problem, and the logged error carries no token', async () => {
  const res = parse(await raw(port, `GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
  assertProblem(res, 431, 'header_too_large');
  const log = logLines.join('');
  assert.match(log, /client error/, 'the rejection is logged at trace level');
  assert.doesNotMatch(log, /secret-bearer-token-value/);
  assert.doesNotMatch(log, /aaaaaaaaaa/, 'nor the rest of the raw request');
});

test('400: a request that is not HTTP is a problem', async () => {
  assertProblem(parse(await raw(port, 'HELLO WORLD\r\n\r\n')), 400, 'bad_request');
});

test('414: a path parameter longer than any id is a problem', async () => {
  const res = parse(await raw(port, `GET /api/v1/patients/${'a'.repeat(300)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
  assertProblem(res, 414, 'uri_too_long');
});

test('400: a malformed percent-encoding in the URL is a problem', async () => {
  const res = parse(await raw(port, 'GET /api/v1/patients/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
  assertProblem(res, 400, 'bad_request');
});

test('503 while shutting down is a problem with Connection: close; the request in flight completes', async () => {
  const socket = net.connect(port, '127.0.0.1');
  let data = '';
  socket.on('data', (chunk) => { data += chunk.toString(); });
  const closed = new Promise<void>((r) => socket.on('close', () => r()));
  socket.write('GET /api/v1/slow HTTP/1.1\r\nHost: x\r\n\r\n');
  await slowEntered;
  const closing = app.close();
  await new Promise((r) => setTimeout(r, 50));
  socket.write('GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\n\r\n');
  await new Promise((r) => setTimeout(r, 50));
  releaseSlow();
  await closed;
  await closing;
  const [first, second] = data.split(/(?=HTTP\/1\.1 )/);
  assert.match(first!, /^HTTP\/1\.1 200/, 'the request received before close completes');
  const refused = parse(second!);
  assertProblem(refused, 503, 'service_unavailable');
  assert.equal(refused.headers.connection, 'close');
});
