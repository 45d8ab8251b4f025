// What Redis going away does to the API, with a redis-server of this test's own:
// - stopped (SIGSTOP, a hung Redis): requests still complete; one Redis call waits REDIS_TIMEOUT,
//   after which the circuit is open and no request waits on Redis at all; readiness stays 200 and
//   says "degraded";
// - killed and restarted with its data (AOF): a record updated while it was away is not hidden by
//   the copy cached before.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { eachDialect, startTestApp, type TestApp } from './support/app.ts';
import { openDesk, registered, type Desk } from './support/patients.ts';
import { ownRedis, REDIS_SERVER_SKIP, type OwnRedis } from './support/redis-server.ts';
import { until } from './support/wait.ts';
import { buildApp } from '../src/server/app.ts';
import { connectDatabase, type Db } from '../src/server/db/connect.ts';
import { connectRedis, type RedisClient } from '../src/server/platform/redis.ts';
import { authHeaders, tokenFor } from './support/fixtures.ts';

/** Safety net only: a request that waits on a stopped Redis never completes at all. */
async function completes(what: string, res: Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} waited on the stopped Redis`)), 15_000); });
  return Promise.race([res, hung]).finally(() => clearTimeout(timer));
}

async function counters(app: FastifyInstance): Promise<Record<string, number>> {
  const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^(redis_[a-z_]+) (\d+)$/gm)) out[m[1]!] = Number(m[2]);
  return out;
}

/** Instances of the app sharing one test database and the test's own redis-server. */
async function instances(t: TestApp, redis: OwnRedis, count: number) {
  const made: { app: FastifyInstance; db: Db; client: RedisClient }[] = [];
  for (let i = 0; i < count; i++) {
    const db = i === 0 ? t.db : connectDatabase(t.config.db);
    const client = await connectRedis(redis.url);
    const app = await buildApp({ config: t.config, db, redis: client });
    await app.ready();
    made.push({ app, db, client });
  }
  return {
    apps: made.map((m) => m.app),
    async close() {
      for (const [i, m] of made.entries()) {
        await m.app.close();
        m.client.disconnect();
        if (i > 0) await m.db.destroy();
      }
    },
  };
}

const getPatient = (app: FastifyInstance, headers: Record<string, string>, id: string) => app.inject({ method: 'GET', url: `/api/v1/patients/${id}`, headers });
const patchPatient = (app: FastifyInstance, headers: Record<string, string>, id: string, version: number, payload: object) =>
  app.inject({ method: 'PATCH', url: `/api/v1/patients/${id}`, headers: { ...headers, 'if-match': `"${version}"` }, payload });

eachDialect((dialect) => {
  describe('a hung Redis', { skip: REDIS_SERVER_SKIP }, () => {
    let redis: OwnRedis;
    let t: TestApp;
    let group: Awaited<ReturnType<typeof instances>>;
    let app: FastifyInstance;
    let desk: Desk;
    before(async () => {
      redis = await ownRedis();
      await redis.start();
      t = await startTestApp(dialect, { REDIS_TIMEOUT: '1s' });
      group = await instances(t, redis, 1);
      app = group.apps[0]!;
      desk = await openDesk(app);
    });
    after(async () => {
      redis?.resume();
      await group?.close();
      await t?.close();
      await redis?.destroy();
    });

    test('requests complete, one Redis call waits, then none; readiness is 200 and degraded; the cache is current after', async () => {
      const p = await registered(app, desk, { firstName: 'Nour', lastName: 'Adam', dateOfBirth: '1988-08-08' });
      assert.equal((await getPatient(app, desk.headers, p.id)).statusCode, 200); // now cached, unless the circuit was open
      await until('the circuit to close', () => app.ctx.redis!.state === 'closed');
      assert.equal((await getPatient(app, desk.headers, p.id)).statusCode, 200);
      const before = await counters(app); // no Redis call from here to the pause: the circuit is closed when it stops

      redis.pause();
      const statuses = [
        (await completes('GET /patients/:id', getPatient(app, desk.headers, p.id))).statusCode,
        (await completes('PATCH /patients/:id', patchPatient(app, desk.headers, p.id, 1, { phone: '0912345678' }))).statusCode,
        (await completes('GET /patients', app.inject({ method: 'GET', url: '/api/v1/patients?q=Nour', headers: desk.headers }))).statusCode,
        (await completes('POST /auth/login', app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@clinic.test', password: 'Not-The-Password-1' } }))).statusCode,
      ];
      assert.deepEqual(statuses, [200, 200, 200, 401]);
      const ready = await completes('GET /health/ready', app.inject({ method: 'GET', url: '/health/ready' }));
      assert.equal(ready.statusCode, 200, ready.body);
      assert.equal(ready.json().status, 'degraded');
      assert.deepEqual(ready.json().degraded, ['redis']);
      assert.match(ready.json().checks.redis, /^degraded: circuit open since \S+ \(.*no answer within 1000 ms\)$/);

      const during = await counters(app);
      assert.equal(during.redis_command_timeouts_total! - before.redis_command_timeouts_total!, 1, 'exactly one call waited for the timeout');
      assert.equal(during.redis_circuit_open, 1);
      assert.equal(during.redis_circuit_opened_total! - before.redis_circuit_opened_total!, 1);
      // Each request made several Redis calls (limits, cache, fence); all but the first were refused at once.
      assert.ok(during.redis_short_circuits_total! - before.redis_short_circuits_total! >= 8, JSON.stringify(during));

      redis.resume();
      await until('the circuit to close', () => app.ctx.redis!.state === 'closed');
      const fresh = await getPatient(app, desk.headers, p.id);
      assert.equal(fresh.headers.etag, '"2"', 'not the copy cached before Redis hung');
      assert.equal(fresh.json().phone, '+249912345678');
      assert.equal((await app.inject({ method: 'GET', url: '/health/ready' })).json().status, 'healthy');
    });
  });

  describe('a Redis restarted with its data (AOF)', { skip: REDIS_SERVER_SKIP }, () => {
    let redis: OwnRedis;
    let t: TestApp;
    let group: Awaited<ReturnType<typeof instances>>;
    before(async () => {
      redis = await ownRedis({ appendOnly: true });
      await redis.start();
      t = await startTestApp(dialect, { REDIS_TIMEOUT: '1s' });
      group = await instances(t, redis, 2);
    });
    after(async () => {
      await group?.close();
      await t?.close();
      await redis?.destroy();
    });

    test('an update made while Redis was away is what both instances serve after it returns', async () => {
      const [a, b] = group.apps as [FastifyInstance, FastifyInstance];
      const desk = await openDesk(a);
      const onB = authHeaders(await tokenFor(b, desk.userId), desk.facility.id);
      const p = await registered(a, desk, { firstName: 'Salma', lastName: 'Idris', dateOfBirth: '1979-09-09' });
      await until('both circuits to close', () => a.ctx.redis!.state === 'closed' && b.ctx.redis!.state === 'closed');
      assert.equal((await getPatient(a, desk.headers, p.id)).headers.etag, '"1"');
      assert.equal((await getPatient(b, onB, p.id)).headers.etag, '"1"'); // cached in Redis, and kept in its AOF

      await redis.kill();
      assert.equal((await patchPatient(a, desk.headers, p.id, 1, { lastName: 'Idriss' })).statusCode, 200);
      await redis.start();
      await until('both circuits to close', () => a.ctx.redis!.state === 'closed' && b.ctx.redis!.state === 'closed');

      for (const [app, headers] of [[a, desk.headers], [b, onB]] as const) {
        const res = await getPatient(app, headers, p.id);
        assert.deepEqual([res.headers.etag, res.json().lastName], ['"2"', 'Idriss']);
      }
      assert.equal((await patchPatient(b, onB, p.id, 2, { lastName: 'Idris' })).statusCode, 200, 'the current ETag is accepted');
    });
  });
});
