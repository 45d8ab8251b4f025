// SIGTERM in the middle of a burst of requests, each on a new connection, against the real
// `nilecare start` on SQLite and `serve` on the server databases: no request may be reset. Those
// received before the signal complete; later ones get 503 problem+json with Connection: close;
// the process then exits 0. (On SQLite, 2–4 requests sent just before the signal were reset: the
// listener was closed, and idle-looking connections destroyed, before the event loop — busy with
// synchronous SQLite work — had read them.)
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { configuredDialects } from './support/dialects.ts';
import { createTestDatabase } from './support/database.ts';
import { cleanUpProcesses, listening, nilecare, nilecareRun, tempDir } from './support/process.ts';

after(cleanUpProcesses);

const BURST = 150;
const SIGNAL_AT = 90;
const GAP_MS = 2;

interface Outcome { sentAt: number; connectedAt?: number; status?: number; connection?: string; contentType?: string; error?: string }

/** One request on a connection of its own: a failed sign-in, which reads and writes the database. */
function signInAttempt(url: string, i: number): Promise<Outcome> {
  const sentAt = performance.now();
  let connectedAt = 0;
  const body = JSON.stringify({ email: `burst-${i}@clinic.test`, password: 'Wrong-Password-1' });
  return new Promise((resolve) => {
    const req = http.request(`${url}/api/v1/auth/login`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ sentAt, connectedAt, status: res.statusCode, connection: res.headers.connection, contentType: res.headers['content-type'] }));
    });
    req.on('socket', (s) => s.on('connect', () => { connectedAt = performance.now(); }));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ sentAt, error: err.code ?? err.message }));
    req.end(body);
  });
}

const dialects = configuredDialects();
for (const dialect of dialects) {
  describe(`SIGTERM during a burst (${dialect.client})`, () => {
    test('no request is reset: each completes or gets a 503 with Connection: close, and the process exits 0', async () => {
      const database = await createTestDatabase(dialect);
      try {
        const env = { ...database.env, DATA_DIR: database.env.DATA_DIR ?? tempDir(), PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_MAX: '100000', SHUTDOWN_DRAIN: '3s', SHUTDOWN_TIMEOUT: '20s' };
        if (dialect.client !== 'sqlite') assert.equal((await nilecareRun(['migrate', 'up'], env)).code, 0);
        const p = nilecare([dialect.client === 'sqlite' ? 'start' : 'serve'], env);
        const url = await listening(p);

        const pending: Promise<Outcome>[] = [];
        let signalledAt = 0;
        for (let i = 0; i < BURST; i++) {
          if (i === SIGNAL_AT) { p.child.kill('SIGTERM'); signalledAt = performance.now(); }
          pending.push(signInAttempt(url, i));
          await sleep(GAP_MS);
        }
        const outcomes = await Promise.all(pending);
        const exit = await p.exited;

        const failed = outcomes.filter((o) => o.error);
        assert.deepEqual(failed.map((o) => `${o.error} sent ${(o.sentAt - signalledAt).toFixed(1)} ms from the signal`), [], 'requests that got no answer');
        for (const o of outcomes) {
          if (o.status === 503) {
            assert.equal(o.connection, 'close');
            assert.match(String(o.contentType), /^application\/problem\+json/);
          } else {
            assert.ok([401, 429].includes(o.status!), `status ${o.status}`);
          }
        }
        const before = outcomes.slice(0, SIGNAL_AT);
        assert.deepEqual(before.filter((o) => o.status === 503).map((o) => `${(o.sentAt - signalledAt).toFixed(1)}/${(o.connectedAt! - signalledAt).toFixed(1)}`), [], 'every request sent before the signal was served');
        assert.deepEqual(exit, { code: 0, signal: null }, p.stderr());
      } finally {
        await database.drop();
      }
    });
  });
}
