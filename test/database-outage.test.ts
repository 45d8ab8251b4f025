// A database that goes away answers 503 problem+json with Retry-After (never 500 internal_error),
// and the API serves again by itself once the database is back:
// - PostgreSQL and MariaDB behind a TCP proxy this test cuts (connections reset and refused) or
//   stalls (nothing answers: the connect, pool and statement timeouts must end the wait);
// - SQLite with another process holding the write lock longer than DB_CONNECT_TIMEOUT (SQLITE_BUSY).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { eachDialect, startTestApp, type TestApp } from './support/app.ts';
import { openDesk, registered, type Desk } from './support/patients.ts';
import { tcpProxy, type TcpProxy } from './support/tcp-proxy.ts';
import { until } from './support/wait.ts';

function assertUnavailable(res: LightMyRequestResponse, what: string) {
  assert.equal(res.statusCode, 503, `${what}: ${res.body}`);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, what);
  assert.equal(res.json().code, 'service_unavailable', what);
  assert.ok(Number(res.headers['retry-after']) >= 1, `${what}: Retry-After ${res.headers['retry-after']}`);
  assert.doesNotMatch(res.body, /ECONN|terminated|timeout|select|insert/i, `${what}: no internals in the body`);
}

const requests = (app: FastifyInstance, desk: Desk, id: string): [string, () => Promise<LightMyRequestResponse>][] => [
  ['GET /patients/:id', () => app.inject({ method: 'GET', url: `/api/v1/patients/${id}`, headers: desk.headers })],
  ['GET /patients', () => app.inject({ method: 'GET', url: '/api/v1/patients?q=Hawa', headers: desk.headers })],
  ['PATCH /patients/:id', () => app.inject({ method: 'PATCH', url: `/api/v1/patients/${id}`, headers: { ...desk.headers, 'if-match': '"1"' }, payload: { phone: '0911111111' } })],
  ['POST /auth/login', () => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'someone@clinic.test', password: 'Some-Password-1' } })],
];

eachDialect((dialect) => {
  if (dialect.client === 'sqlite') {
    describe('SQLite with the write lock held by another process', () => {
      let t: TestApp;
      let desk: Desk;
      before(async () => {
        t = await startTestApp(dialect, { DB_CONNECT_TIMEOUT: '200ms' });
        desk = await openDesk(t.app);
      });
      after(() => t?.close());

      test('a write answers 503 while the lock is held, and succeeds once it is released', async () => {
        const p = await registered(t.app, desk, { firstName: 'Hawa', lastName: 'Musa', dateOfBirth: '1990-02-02' });
        const other = new DatabaseSync(path.join(t.config.dataDir, 'nilecare.sqlite'));
        try {
          other.exec('BEGIN IMMEDIATE');
          const [what, send] = requests(t.app, desk, p.id)[2]!;
          assertUnavailable(await send(), what);
          other.exec('ROLLBACK');
          assert.equal((await send()).statusCode, 200);
        } finally {
          other.close();
        }
      });
    });
    return;
  }

  describe(`${dialect.client} behind a proxy that fails`, () => {
    let proxy: TcpProxy;
    let t: TestApp;
    let desk: Desk;
    let id: string;
    before(async () => {
      const server = new URL(dialect.adminUrl!);
      proxy = await tcpProxy({ host: server.hostname, port: Number(server.port) });
      const viaProxy = (url: string) => { const u = new URL(url); u.host = `127.0.0.1:${proxy.port}`; return u.toString(); };
      t = await startTestApp(dialect, { DB_CONNECT_TIMEOUT: '500ms', DB_STATEMENT_TIMEOUT: '1s', DB_POOL_MAX: '3' }, { databaseUrl: viaProxy });
      desk = await openDesk(t.app);
      id = (await registered(t.app, desk, { firstName: 'Hawa', lastName: 'Musa', dateOfBirth: '1990-02-02' })).id;
    });
    after(async () => {
      proxy?.restore();
      await t?.close();
      await proxy?.close();
    });

    const serves = () => until('the API to serve again', async () => (await requests(t.app, desk, id)[0]![1]()).statusCode === 200);

    test('connections reset and refused: 503 with Retry-After, readiness 503; then it serves again', async () => {
      proxy.cut();
      for (const [what, send] of requests(t.app, desk, id)) assertUnavailable(await send(), what);
      const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
      assert.equal(ready.statusCode, 503);
      assert.deepEqual(ready.json().failing, ['database']);
      proxy.restore();
      await serves();
      assert.equal((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode, 200);
    });

    test('a stalled connection (nothing answers): the timeouts end the wait with 503; then it serves again', async () => {
      proxy.stall();
      // More requests at once than the pool has connections: the rest wait for a free one, and that wait ends too.
      const answers = await Promise.all(requests(t.app, desk, id).map(async ([what, send]) => [what, await send()] as const));
      for (const [what, res] of answers) assertUnavailable(res, what);
      proxy.restore();
      await serves();
    });
  });
});
