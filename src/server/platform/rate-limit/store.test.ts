// The counter stores: MemoryStore and RedisStore keep the same fixed-window contract; FallbackStore
// keeps counting locally when Redis is down, and the stricter count across an outage. Redis tests
// need TEST_REDIS_URL.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { testRedisUrl } from '../../../../test/support/dialects.ts';
import type { RedisClient } from '../redis.ts';
import type { RedisLink } from '../redis-link.ts';
import { MemoryStore, type RateLimitStore } from './store.ts';
import { RedisStore, RATE_LIMIT_KEY_PREFIX } from './redis-store.ts';
import { FallbackStore } from './fallback-store.ts';
import { closeLink, deadRedis, liveLink, recordingLog, testLink } from '../../../../test/support/redis.ts';

const REDIS_SKIP = testRedisUrl() ? false : 'set TEST_REDIS_URL to run the Redis store tests';
const key = () => `test:${randomBytes(6).toString('hex')}`;

function storeContract(name: string, make: () => RateLimitStore) {
  describe(name, () => {
    test('hits count up within one window and report the time left', async () => {
      const store = make();
      const k = key();
      const counts = [];
      for (let i = 0; i < 3; i++) {
        const r = await store.hit(k, 60_000);
        assert.ok(r.resetMs > 0 && r.resetMs <= 60_000, `resetMs ${r.resetMs}`);
        counts.push(r.count);
      }
      assert.deepEqual(counts, [1, 2, 3]);
    });

    test('peek reads without counting; an unknown key is empty', async () => {
      const store = make();
      const k = key();
      assert.deepEqual(await store.peek(k), { count: 0, resetMs: 0 });
      await store.hit(k, 60_000);
      await store.hit(k, 60_000);
      const first = await store.peek(k);
      const second = await store.peek(k);
      assert.equal(first.count, 2);
      assert.equal(second.count, 2);
      assert.ok(first.resetMs > 0 && first.resetMs <= 60_000);
    });

    test('keys are counted separately and reset clears one', async () => {
      const store = make();
      const [a, b] = [key(), key()];
      await store.hit(a, 60_000);
      await store.hit(a, 60_000);
      await store.hit(b, 60_000);
      await store.reset(a);
      assert.equal((await store.peek(a)).count, 0);
      assert.equal((await store.peek(b)).count, 1);
      assert.equal((await store.hit(a, 60_000)).count, 1);
    });

    test('a new window starts once the old one has passed', async () => {
      const store = make();
      const k = key();
      await store.hit(k, 40);
      await store.hit(k, 40);
      await sleep(120);
      assert.equal((await store.peek(k)).count, 0);
      assert.equal((await store.hit(k, 40)).count, 1);
    });
    test('hit counts `by` at once; refund takes one back, never below zero', async () => {
      const store = make();
      const k = key();
      assert.equal((await store.hit(k, 60_000, 3)).count, 3);
      await store.refund(k);
      assert.equal((await store.peek(k)).count, 2);
      await store.refund(k);
      await store.refund(k);
      await store.refund(k);
      assert.equal((await store.peek(k)).count, 0);
      await store.refund(key()); // an unknown key stays unknown
      assert.equal((await store.hit(k, 60_000)).count, 1);
    });
  });
}

storeContract('MemoryStore', () => new MemoryStore());
storeContract('FallbackStore over a working primary', () => new FallbackStore(new MemoryStore(), recordingLog()));

describe('RedisStore', { skip: REDIS_SKIP }, () => {
  let link: RedisLink;
  let redis: RedisClient;
  before(async () => { link = await liveLink(testRedisUrl()!); redis = link.client; });
  after(() => closeLink(link));

  storeContract('contract', () => new RedisStore(link));

  test('keys live under nilecare:rl: and expire with the window', async () => {
    const k = key();
    await new RedisStore(link).hit(k, 60_000);
    assert.equal(await redis.get(RATE_LIMIT_KEY_PREFIX + k), '1');
    const ttl = await redis.pttl(RATE_LIMIT_KEY_PREFIX + k);
    assert.ok(ttl > 0 && ttl <= 60_000, `pttl ${ttl}`);
  });

  test('concurrent hits are atomic: every count is handed out once', async () => {
    const store = new RedisStore(link);
    const k = key();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.hit(k, 60_000)));
    assert.deepEqual(results.map((r) => r.count).sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i + 1));
  });

  test('a counter without an expiry is given one instead of counting forever', async () => {
    const k = key();
    await redis.set(RATE_LIMIT_KEY_PREFIX + k, '7');
    const r = await new RedisStore(link).hit(k, 60_000);
    assert.equal(r.count, 8);
    assert.ok(r.resetMs > 0 && r.resetMs <= 60_000);
    assert.ok((await redis.pttl(RATE_LIMIT_KEY_PREFIX + k)) > 0);
  });

  test('a refund keeps the expiry and does not bring back a key that is gone', async () => {
    const store = new RedisStore(link);
    const k = key();
    await store.hit(k, 60_000, 2);
    await store.refund(k);
    assert.ok((await redis.pttl(RATE_LIMIT_KEY_PREFIX + k)) > 0);
    await store.reset(k);
    await store.refund(k);
    assert.equal(await redis.exists(RATE_LIMIT_KEY_PREFIX + k), 0);
  });

  test('still counts after Redis forgets its scripts (restart, SCRIPT FLUSH)', async () => {
    const store = new RedisStore(link);
    const k = key();
    await store.hit(k, 60_000);
    await redis.script('FLUSH');
    assert.equal((await store.hit(k, 60_000)).count, 2);
  });
});

/** A primary whose availability the test switches: a MemoryStore that throws while "down". */
function switchable() {
  const store = new MemoryStore();
  const state = { down: false };
  const guard = <T>(fn: () => Promise<T>) => (state.down ? Promise.reject(new Error('Redis unavailable')) : fn());
  const primary: RateLimitStore = {
    hit: (k, w, by) => guard(() => store.hit(k, w, by)),
    peek: (k) => guard(() => store.peek(k)),
    refund: (k) => guard(() => store.refund(k)),
    reset: (k) => guard(() => store.reset(k)),
  };
  return { primary, store, state, fallback: new FallbackStore(primary, recordingLog()) };
}

/** A FallbackStore that counted `hits` for a fresh key during an outage that has just ended. */
async function afterOutage(hits: number, windowMs = 60_000) {
  const s = switchable();
  const k = key();
  s.state.down = true;
  for (let i = 0; i < hits; i++) await s.fallback.hit(k, windowMs);
  s.state.down = false;
  return { ...s, k };
}

describe('FallbackStore', () => {
  test('with Redis down every call is answered locally, limits still hold, and it warns once', async () => {
    const link = await testLink(deadRedis());
    const log = recordingLog();
    const store = new FallbackStore(new RedisStore(link), log);
    try {
      const k = key();
      for (let i = 1; i <= 6; i++) assert.equal((await store.hit(k, 60_000)).count, i);
      assert.equal((await store.peek(k)).count, 6);
      await store.refund(k);
      assert.equal((await store.peek(k)).count, 5);
      await store.reset(k);
      assert.equal((await store.peek(k)).count, 0);
      assert.equal(log.warnings.length, 1, 'warnings are rate-limited to one per 10 s');
    } finally {
      link.stop();
      link.client.disconnect();
    }
  });

  test('while the primary works, it alone is asked', async () => {
    const { fallback: store, store: inPrimary } = switchable();
    const k = key();
    await store.hit(k, 60_000);
    await inPrimary.hit(k, 60_000); // another instance
    assert.equal((await store.hit(k, 60_000)).count, 3);
    assert.equal((await store.peek(k)).count, 3);
  });

  test('failures counted before an outage still count during it', async () => {
    const { fallback: store, state } = switchable();
    const k = key();
    for (let i = 0; i < 4; i++) await store.hit(k, 60_000);
    state.down = true;
    assert.equal((await store.hit(k, 60_000)).count, 5, 'the count goes on from what Redis last said');
    assert.equal((await store.peek(k)).count, 5);
  });

  test('hits counted during an outage are handed to Redis when it is back, once', async () => {
    const { fallback: store, store: inPrimary, k } = await afterOutage(3);
    assert.equal((await store.peek(k)).count, 3, 'still owed, but counted');
    assert.equal((await store.hit(k, 60_000)).count, 4);
    assert.equal((await inPrimary.peek(k)).count, 4, 'other instances see them now');
    assert.equal((await store.hit(k, 60_000)).count, 5, 'handed over only once');
  });

  test('concurrent hits right after an outage hand the owed hits over once', async () => {
    const { fallback: store, store: inPrimary, k } = await afterOutage(3);
    await Promise.all(Array.from({ length: 5 }, () => store.hit(k, 60_000)));
    assert.equal((await inPrimary.peek(k)).count, 8);
  });

  test('when Redis is back, owed hits are handed over without waiting for the next hit', async () => {
    const { fallback: store, store: inPrimary, k } = await afterOutage(3);
    await store.handOver();
    assert.equal((await inPrimary.peek(k)).count, 3);
    assert.equal((await store.hit(k, 60_000)).count, 4, 'and only once');
  });

  test('owed hits whose window has passed are dropped', async () => {
    const { fallback: store, store: inPrimary, k } = await afterOutage(1, 30);
    await sleep(80);
    assert.equal((await store.hit(k, 60_000)).count, 1);
    assert.equal((await inPrimary.peek(k)).count, 1);
  });
});
