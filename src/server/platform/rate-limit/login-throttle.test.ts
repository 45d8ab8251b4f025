// Sign-in throttling on its own: the lockout, its reset on success, the per-address limit, counters
// shared between instances through Redis, and the lockout holding while Redis is down.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { testRedisUrl } from '../../../../test/support/dialects.ts';
import { deadRedis, recordingLog } from '../../../../test/support/redis.ts';
import { connectRedis } from '../redis.ts';
import { AppError } from '../errors.ts';
import { MemoryStore } from './store.ts';
import { RedisStore } from './redis-store.ts';
import { FallbackStore } from './fallback-store.ts';
import { LoginThrottle, LOGIN_LIMITS } from './login-throttle.ts';

const email = () => `user-${randomBytes(4).toString('hex')}@test.nilecare.local`;
// A random /56 of the IPv6 documentation range per call (limits count IPv6 per /56) keeps runs apart on a shared Redis.
const ip = () => `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(1).toString('hex')}00::1`;

async function assertLocked(throttle: LoginThrottle, who: string, from: string) {
  await assert.rejects(throttle.check(who, from), (err: unknown) => {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'too_many_requests');
    assert.equal(err.status, 429);
    const retryAfter = Number(err.headers?.['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= LOGIN_LIMITS.windowMs / 1000, `Retry-After ${retryAfter}`);
    assert.equal(err.details?.retryAfterSeconds, retryAfter);
    return true;
  });
}

async function fail(throttle: LoginThrottle, who: string, from: string, times: number) {
  for (let i = 0; i < times; i++) {
    await throttle.check(who, from);
    await throttle.recordFailure(who, from);
  }
}

describe('LoginThrottle', () => {
  test('five failures lock the account: the sixth attempt is refused before any password check', async () => {
    const throttle = new LoginThrottle(new MemoryStore());
    const who = email();
    await fail(throttle, who, ip(), 4);
    await throttle.check(who, ip());
    await throttle.recordFailure(who, ip());
    // The route calls check() first, so even the right password never gets looked at now.
    await assertLocked(throttle, who, ip());
    await assertLocked(throttle, who.toUpperCase(), ip());
  });

  test('a success before the limit clears the account counter', async () => {
    const throttle = new LoginThrottle(new MemoryStore());
    const who = email();
    await fail(throttle, who, ip(), 4);
    await throttle.recordSuccess(` ${who.toUpperCase()} `);
    await fail(throttle, who, ip(), 4);
    await throttle.check(who, ip());
    await throttle.recordFailure(who, ip());
    await assertLocked(throttle, who, ip());
  });

  test('one address failing across many accounts is locked out; other addresses are not', async () => {
    const throttle = new LoginThrottle(new MemoryStore(), { ...LOGIN_LIMITS, ipMax: 8 });
    const from = ip();
    for (let i = 0; i < 8; i++) await fail(throttle, email(), from, 1);
    await assertLocked(throttle, email(), from);
    // A fresh address from the same IPv6 /56 is the same client.
    await assertLocked(throttle, email(), from.replace(/::1$/, ':1:2:3:4'));
    await throttle.check(email(), ip());
  });

  test('with Redis down the lockout still holds (counted in this instance)', async () => {
    const dead = deadRedis();
    try {
      const throttle = new LoginThrottle(new FallbackStore(new RedisStore(dead), new MemoryStore(), recordingLog()));
      const who = email();
      const from = ip();
      await fail(throttle, who, from, 5);
      await assertLocked(throttle, who, from);
    } finally {
      dead.disconnect();
    }
  });

  test('two instances on one Redis share the counter: 3 failures on A + 2 on B lock both', { skip: testRedisUrl() ? false : 'set TEST_REDIS_URL to run the shared-counter test' }, async () => {
    const [redisA, redisB] = await Promise.all([connectRedis(testRedisUrl()!), connectRedis(testRedisUrl()!)]);
    try {
      const a = new LoginThrottle(new FallbackStore(new RedisStore(redisA), new MemoryStore(), recordingLog()));
      const b = new LoginThrottle(new FallbackStore(new RedisStore(redisB), new MemoryStore(), recordingLog()));
      const who = email();
      await fail(a, who, ip(), 3);
      await fail(b, who, ip(), 2);
      await assertLocked(a, who, ip());
      await assertLocked(b, who, ip());
    } finally {
      await Promise.all([redisA.quit(), redisB.quit()]);
    }
  });
});
