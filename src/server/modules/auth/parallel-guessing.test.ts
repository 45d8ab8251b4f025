// Guessing in parallel must not get more tries than guessing one at a time: 20 simultaneous wrong
// sign-ins for one account have at most 5 passwords checked (401) and the rest refused (429), on
// every database, with and without Redis (several instances sharing it). Before attempts were taken
// atomically, every request read the counter before any had counted its failure (8×401, 12×429).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { testRedisUrl } from '../../../../test/support/dialects.ts';
import { until } from '../../../../test/support/wait.ts';
import { createFacility, createUser } from '../../../../test/support/fixtures.ts';
import { buildApp } from '../../app.ts';
import { connectDatabase, type Db } from '../../db/connect.ts';
import { connectRedis, type RedisClient } from '../../platform/redis.ts';
import { LOGIN_LIMITS } from '../../platform/rate-limit/login-throttle.ts';
import { PASSWORD, post } from './test-helpers.ts';

const GUESSES = 20;

async function guessInParallel(apps: FastifyInstance[], email: string): Promise<number[]> {
  const responses = await Promise.all(Array.from({ length: GUESSES }, (_, i) => post(apps[i % apps.length]!, '/auth/login', { email, password: `Wrong-Guess-${i}` })));
  return responses.map((r) => r.statusCode);
}

function assertThrottled(statuses: number[]) {
  const count = (s: number) => statuses.filter((x) => x === s).length;
  assert.deepEqual({ 401: count(401), 429: count(429), other: statuses.length - count(401) - count(429) }, { 401: LOGIN_LIMITS.accountMax, 429: GUESSES - LOGIN_LIMITS.accountMax, other: 0 }, statuses.join(' '));
}

eachDialect((dialect) => {
  describe('one instance, no Redis', () => {
    let t: TestApp;
    before(async () => { t = await startTestApp(dialect); });
    after(() => t.close());

    test(`${GUESSES} parallel wrong passwords: ${LOGIN_LIMITS.accountMax} checked, the rest refused; then even the right one is refused`, async () => {
      const facility = await createFacility(t.db);
      const user = await createUser(t.db, [{ facilityId: facility.id, role: 'nurse' }]);
      assertThrottled(await guessInParallel([t.app], user.email));
      assert.equal((await post(t.app, '/auth/login', { email: user.email, password: PASSWORD })).statusCode, 429);
    });
  });

  describe('two instances sharing Redis', { skip: testRedisUrl() ? false : 'set TEST_REDIS_URL' }, () => {
    let t: TestApp;
    let b: { app: FastifyInstance; db: Db; redis: RedisClient };
    before(async () => {
      t = await startTestApp(dialect, {}, { redis: true });
      const db = connectDatabase(t.config.db);
      const redis = await connectRedis(testRedisUrl()!);
      b = { app: await buildApp({ config: t.config, db, redis }), db, redis };
      await b.app.ready();
    });
    after(async () => {
      await b?.app.close();
      await b?.db.destroy();
      await b?.redis.quit();
      await t?.close();
    });

    test(`${GUESSES} parallel wrong passwords spread over both: ${LOGIN_LIMITS.accountMax} checked in all`, async () => {
      await until('both circuits to close', () => t.app.ctx.redis?.state === 'closed' && b.app.ctx.redis?.state === 'closed');
      const facility = await createFacility(t.db);
      const user = await createUser(t.db, [{ facilityId: facility.id, role: 'nurse' }]);
      assertThrottled(await guessInParallel([t.app, b.app], user.email));
      for (const app of [t.app, b.app]) assert.equal((await post(app, '/auth/login', { email: user.email, password: PASSWORD })).statusCode, 429);
    });
  });
});
