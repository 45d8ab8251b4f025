// Sign-in throttling on its own: the lockout, its reset on success, the per-address limit, parallel
// attempts, counters shared between instances through Redis, and the lockout holding while Redis
// is down.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { testRedisUrl } from '../../../../test/support/dialects.ts';
import { closeLink, deadRedis, liveLink, recordingLog, testLink } from '../../../../test/support/redis.ts';
import { AppError } from '../errors.ts';
import { sha256Hex } from '../crypto.ts';
import { MemoryStore, type RateLimitStore } from './store.ts';
import { RedisStore } from './redis-store.ts';
import { FallbackStore } from './fallback-store.ts';
import { LoginThrottle, LOGIN_LIMITS } from './login-throttle.ts';

const email = () => `user-${randomBytes(4).toString('hex')}@test.nilecare.local`;
// A random /56 of the IPv6 documentation range per call (limits count IPv6 per /56) keeps runs apart on a shared Redis.
const ip = () => `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(1).toString('hex')}00::1`;

function assertLockedError(err: unknown) {
  assert.ok(err instanceof AppError);
  assert.equal(err.code, 'too_many_requests');
  assert.equal(err.status, 429);
  const retryAfter = Number(err.headers?.['retry-after']);
  assert.ok(retryAfter >= 1 && retryAfter <= LOGIN_LIMITS.windowMs / 1000, `Retry-After ${retryAfter}`);
  assert.equal(err.details?.retryAfterSeconds, retryAfter);
  return true;
}

const assertLocked = (throttle: LoginThrottle, who: string, from: string) => assert.rejects(throttle.take(who, from), assertLockedError);

/** `times` wrong guesses: an attempt taken and never given back. */
async function fail(throttle: LoginThrottle, who: string, from: string, times: number) {
  for (let i = 0; i < times; i++) await throttle.take(who, from);
}

/** 20 guesses at once, each checked only if its attempt was granted. */
async function parallelGuesses(throttle: LoginThrottle, who: string): Promise<{ checked: number; refused: number }> {
  const outcomes = await Promise.all(Array.from({ length: 20 }, () => throttle.take(who, ip()).then(() => 'checked', (err: unknown) => assertLockedError(err) && 'refused')));
  return { checked: outcomes.filter((o) => o === 'checked').length, refused: outcomes.filter((o) => o === 'refused').length };
}

function throttleContract(name: string, make: () => Promise<{ store: RateLimitStore; done?: () => Promise<void> }>, skip: string | false = false) {
  describe(name, { skip }, () => {
    const run = (fn: (throttle: LoginThrottle, store: RateLimitStore) => Promise<void>) => async () => {
      const { store, done } = await make();
      try {
        await fn(new LoginThrottle(store), store);
      } finally {
        await done?.();
      }
    };

    test('five failures lock the account: the sixth attempt is refused before any password check', run(async (throttle) => {
      const who = email();
      await fail(throttle, who, ip(), 5);
      // The route takes the attempt first, so even the right password never gets looked at now.
      await assertLocked(throttle, who, ip());
      await assertLocked(throttle, who.toUpperCase(), ip());
    }));

    test('20 parallel guesses: at most 5 are checked, the rest refused', run(async (throttle) => {
      const { checked, refused } = await parallelGuesses(throttle, email());
      assert.equal(checked, LOGIN_LIMITS.accountMax);
      assert.equal(refused, 20 - LOGIN_LIMITS.accountMax);
    }));

    test('a success clears the account counter and gives the address its attempt back', run(async (throttle) => {
      const who = email();
      const from = ip();
      await fail(throttle, who, from, 4);
      await throttle.take(who, from);
      await throttle.succeeded(` ${who.toUpperCase()} `, from);
      await fail(throttle, who, from, 5);
      await assertLocked(throttle, who, from);
    }));

    test('an attempt given back (right password, second factor next) does not count', run(async (throttle) => {
      const who = email();
      for (let i = 0; i < 10; i++) {
        await throttle.take(who, ip());
        await throttle.giveBack(who, ip());
      }
      await fail(throttle, who, ip(), 5);
      await assertLocked(throttle, who, ip());
    }));

    test('a refused attempt is not counted: the window still ends as it would have', run(async (throttle, store) => {
      const who = email();
      await fail(throttle, who, ip(), 5);
      for (let i = 0; i < 5; i++) await assertLocked(throttle, who, ip());
      assert.equal((await store.peek(`login:acct:${sha256Hex(who)}`)).count, 5);
    }));
  });
}

throttleContract('LoginThrottle in memory', async () => ({ store: new MemoryStore() }));

throttleContract('LoginThrottle on Redis', async () => {
  const link = await liveLink(testRedisUrl()!);
  return { store: new FallbackStore(new RedisStore(link), recordingLog()), done: () => closeLink(link) };
}, testRedisUrl() ? false : 'set TEST_REDIS_URL');

throttleContract('LoginThrottle with Redis down', async () => {
  const link = await testLink(deadRedis());
  return { store: new FallbackStore(new RedisStore(link), recordingLog()), done: async () => { link.stop(); link.client.disconnect(); } };
});

describe('LoginThrottle per address', () => {
  test('one address failing across many accounts is locked out; other addresses are not', async () => {
    const throttle = new LoginThrottle(new MemoryStore(), { ...LOGIN_LIMITS, ipMax: 8 });
    const from = ip();
    for (let i = 0; i < 8; i++) await fail(throttle, email(), from, 1);
    await assertLocked(throttle, email(), from);
    // A fresh address from the same IPv6 /56 is the same client.
    await assertLocked(throttle, email(), from.replace(/::1$/, ':1:2:3:4'));
    await throttle.take(email(), ip());
  });

  test('successful sign-ins from one address (a clinic behind one NAT) never lock it', async () => {
    const throttle = new LoginThrottle(new MemoryStore(), { ...LOGIN_LIMITS, ipMax: 3 });
    const from = ip();
    for (let i = 0; i < 10; i++) {
      const who = email();
      await throttle.take(who, from);
      await throttle.succeeded(who, from);
    }
    await throttle.take(email(), from);
  });

  test('two instances on one Redis share the counter: 3 failures on A + 2 on B lock both', { skip: testRedisUrl() ? false : 'set TEST_REDIS_URL to run the shared-counter test' }, async () => {
    const [linkA, linkB] = await Promise.all([liveLink(testRedisUrl()!), liveLink(testRedisUrl()!)]);
    try {
      const a = new LoginThrottle(new FallbackStore(new RedisStore(linkA), recordingLog()));
      const b = new LoginThrottle(new FallbackStore(new RedisStore(linkB), recordingLog()));
      const who = email();
      await fail(a, who, ip(), 3);
      await fail(b, who, ip(), 2);
      await assertLocked(a, who, ip());
      await assertLocked(b, who, ip());
    } finally {
      await Promise.all([closeLink(linkA), closeLink(linkB)]);
    }
  });
});
