// The sign-in lockout across a Redis outage, on the real sign-in route and every database: two
// instances share a redis-server of this test's own, which the test kills and starts again. The
// stricter count is kept both ways: failures Redis had counted still count while it is away, and
// failures counted locally while it was away reach every instance once it is back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createFacility, createUser, type TestUser } from '../../../../test/support/fixtures.ts';
import { ownRedis, REDIS_SERVER_SKIP, type OwnRedis } from '../../../../test/support/redis-server.ts';
import { until } from '../../../../test/support/wait.ts';
import { buildApp } from '../../app.ts';
import { connectDatabase, type Db } from '../../db/connect.ts';
import { sha256Hex } from '../crypto.ts';
import { connectRedis, type RedisClient } from '../redis.ts';
import { RATE_LIMIT_KEY_PREFIX } from './redis-store.ts';

const signIn = (app: FastifyInstance, user: TestUser, password = `${user.password}-wrong`) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password } }).then((r) => r.statusCode);

eachDialect((dialect) => {
  let redis: OwnRedis;
  let t: TestApp;
  let a: FastifyInstance, b: FastifyInstance;
  const clients: RedisClient[] = [];
  let dbB: Db;
  before(async () => {
    if (REDIS_SERVER_SKIP) return;
    redis = await ownRedis();
    await redis.start();
    t = await startTestApp(dialect, { REDIS_TIMEOUT: '1s' });
    dbB = connectDatabase(t.config.db);
    const instance = async (db: Db) => {
      const client = await connectRedis(redis.url);
      clients.push(client);
      const app = await buildApp({ config: t.config, db, redis: client });
      await app.ready();
      return app;
    };
    [a, b] = await Promise.all([instance(t.db), instance(dbB)]);
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    for (const c of clients) c.disconnect();
    await dbB?.destroy();
    await t?.close();
    await redis?.destroy();
  });

  const user = async () => createUser(t.db, [{ facilityId: (await createFacility(t.db)).id, role: 'nurse' }]);
  const circuits = () => [a.ctx.redis!.state, b.ctx.redis!.state];

  test('failures counted in Redis before an outage still count while it is away', { skip: REDIS_SERVER_SKIP }, async () => {
    await until('both circuits to close', () => circuits().every((s) => s === 'closed'));
    const u = await user();
    for (let i = 0; i < 3; i++) assert.equal(await signIn(a, u), 401);
    await redis.kill();
    for (let i = 0; i < 2; i++) assert.equal(await signIn(a, u), 401);
    assert.equal(a.ctx.redis!.state, 'open', 'those two were counted without Redis');
    assert.equal(await signIn(a, u), 429);
    assert.equal(await signIn(a, u, u.password), 429, 'even with the right password');
  });

  test('failures counted while Redis was away reach every instance once it is back', { skip: REDIS_SERVER_SKIP }, async () => {
    await redis.kill();
    const u = await user();
    for (let i = 0; i < 3; i++) assert.equal(await signIn(a, u), 401);
    assert.equal(a.ctx.redis!.state, 'open');
    await redis.start(); // empty: without persistence Redis comes back knowing nothing
    await until('both circuits to close', () => circuits().every((s) => s === 'closed'));
    const key = `${RATE_LIMIT_KEY_PREFIX}login:acct:${sha256Hex(u.email)}`;
    await until('the failures counted on A to reach Redis', async () => (await clients[0]!.get(key)) === '3');
    for (let i = 0; i < 2; i++) assert.equal(await signIn(b, u), 401);
    for (const app of [a, b]) assert.equal(await signIn(app, u, u.password), 429);
  });
});
