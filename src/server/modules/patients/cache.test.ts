// Cached patient reads through HTTP, on every database: with Redis, two instances sharing the
// database and Redis (an update on one is seen at once by the other); on SQLite alone, the
// in-process cache; on PostgreSQL/MySQL without Redis, no cache at all.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { testRedisUrl } from '../../../../test/support/dialects.ts';
import { authHeaders, tokenFor } from '../../../../test/support/fixtures.ts';
import { openDesk, registered, type Desk } from '../../../../test/support/patients.ts';
import { buildApp } from '../../app.ts';
import { connectDatabase, type Db } from '../../db/connect.ts';
import { connectRedis, type RedisClient } from '../../platform/redis.ts';
import { CACHE_KEY_PREFIX } from '../../platform/cache/redis-cache.ts';

const redisUrl = testRedisUrl();

eachDialect((dialect) => {
  const get = (app: FastifyInstance, headers: Record<string, string>, id: string) => app.inject({ method: 'GET', url: `/api/v1/patients/${id}`, headers });
  const patch = (app: FastifyInstance, headers: Record<string, string>, id: string, version: number, body: object) =>
    app.inject({ method: 'PATCH', url: `/api/v1/patients/${id}`, headers: { ...headers, 'if-match': `"${version}"` }, payload: body });

  describe('two instances sharing the database and Redis', { skip: !redisUrl && 'set TEST_REDIS_URL' }, () => {
    let a: TestApp;
    let b: { app: FastifyInstance; db: Db; redis: RedisClient };
    let desk: Desk;
    let headersOnB: Record<string, string>;
    before(async () => {
      a = await startTestApp(dialect, {}, { redis: true });
      const db = connectDatabase(a.config.db);
      const redis = await connectRedis(redisUrl!);
      b = { app: await buildApp({ config: a.config, db, redis }), db, redis };
      await b.app.ready();
      desk = await openDesk(a.app);
      headersOnB = authHeaders(await tokenFor(b.app, desk.userId), desk.facility.id);
    });
    after(async () => {
      await b.app.close();
      await b.db.destroy();
      await b.redis.quit();
      await a.close();
    });

    test('an update on A is what B reads next, though B had the record cached', async () => {
      const p = await registered(a.app, desk, { firstName: 'Hamid', lastName: 'Osman', dateOfBirth: '1977-07-07' });
      assert.equal((await get(b.app, headersOnB, p.id)).json().phone, null);
      const key = `${CACHE_KEY_PREFIX}patient:${desk.facility.id}:${p.id}`;
      assert.ok(await b.redis.get(key), 'B cached the record in Redis');

      assert.equal((await patch(a.app, desk.headers, p.id, 1, { phone: '0912777777' })).statusCode, 200);
      const fresh = await get(b.app, headersOnB, p.id);
      assert.equal(fresh.headers.etag, '"2"');
      assert.equal(fresh.json().phone, '+249912777777');
    });

    test('a merge on A is what B reads next', async () => {
      const survivor = await registered(a.app, desk, { firstName: 'Rashid', lastName: 'Ali', dateOfBirth: '1981-01-01' });
      const duplicate = await registered(a.app, desk, { firstName: 'Rasheed', lastName: 'Ali', dateOfBirth: '1981-01-01' });
      assert.equal((await get(b.app, headersOnB, duplicate.id)).json().status, 'active');
      const merge = await a.app.inject({ method: 'POST', url: `/api/v1/patients/${survivor.id}/merge`, headers: desk.headers, payload: { duplicateId: duplicate.id } });
      assert.equal(merge.statusCode, 200, merge.body);
      const after = await get(b.app, headersOnB, duplicate.id);
      assert.deepEqual([after.json().status, after.json().mergedIntoId], ['merged', survivor.id]);
    });

    test('a cached record is not served to another facility, and cached reads are audited', async () => {
      const p = await registered(a.app, desk, { firstName: 'Suad', lastName: 'Hamza', dateOfBirth: '1993-03-03' });
      await get(b.app, headersOnB, p.id);
      await get(b.app, headersOnB, p.id);
      const away = await openDesk(b.app);
      assert.equal((await get(b.app, away.headers, p.id)).statusCode, 404);
      const reads = await a.db.kysely.selectFrom('audit_events').select('actor_id').where('action', '=', 'patient.read').where('patient_id', '=', p.id).execute();
      assert.equal(reads.length, 2, 'the cache hit was audited too');
    });
  });

  describe('without Redis', () => {
    let t: TestApp;
    let desk: Desk;
    before(async () => {
      t = await startTestApp(dialect);
      desk = await openDesk(t.app);
    });
    after(() => t.close());

    test(dialect.client === 'sqlite' ? 'SQLite caches in process and an update replaces the copy' : 'a server database is not cached', async () => {
      assert.equal(t.app.ctx.cache === undefined, dialect.client !== 'sqlite');
      const p = await registered(t.app, desk, { firstName: 'Amal', lastName: 'Nasr', dateOfBirth: '1984-04-04' });
      await get(t.app, desk.headers, p.id);
      if (t.app.ctx.cache) assert.ok(await t.app.ctx.cache.get(`patient:${desk.facility.id}:${p.id}`), 'the read was cached');
      assert.equal((await patch(t.app, desk.headers, p.id, 1, { lastName: 'Nasir' })).statusCode, 200);
      const fresh = await get(t.app, desk.headers, p.id);
      assert.deepEqual([fresh.json().lastName, fresh.json().version], ['Nasir', 2]);
    });
  });
});
