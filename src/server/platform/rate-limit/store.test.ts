// The counter stores: MemoryStore and RedisStore keep the same fixed-window contract; FallbackStore
// keeps counting locally when Redis is down or hangs. Redis tests need TEST_REDIS_URL.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { testRedisUrl } from '../../../../test/support/dialects.ts';
import { connectRedis, type RedisClient } from '../redis.ts';
import { MemoryStore, type RateLimitStore } from './store.ts';
import { RedisStore, RATE_LIMIT_KEY_PREFIX } from './redis-store.ts';
import { FallbackStore } from './fallback-store.ts';
import { deadRedis, recordingLog } from '../../../../test/support/redis.ts';

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
  });
}

storeContract('MemoryStore', () => new MemoryStore());

describe('RedisStore', { skip: REDIS_SKIP }, () => {
  let redis: RedisClient;
  before(async () => { redis = await connectRedis(testRedisUrl()!); });
  after(() => redis.quit());

  storeContract('contract', () => new RedisStore(redis));

  test('keys live under nilecare:rl: and expire with the window', async () => {
    const k = key();
    await new RedisStore(redis).hit(k, 60_000);
    assert.equal(await redis.get(RATE_LIMIT_KEY_PREFIX + k), '1');
    const ttl = await redis.pttl(RATE_LIMIT_KEY_PREFIX + k);
    assert.ok(ttl > 0 && ttl <= 60_000, `pttl ${ttl}`);
  });

  test('concurrent hits are atomic: every count is handed out once', async () => {
    const store = new RedisStore(redis);
    const k = key();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.hit(k, 60_000)));
    assert.deepEqual(results.map((r) => r.count).sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i + 1));
  });

  test('a counter without an expiry is given one instead of counting forever', async () => {
    const k = key();
    await redis.set(RATE_LIMIT_KEY_PREFIX + k, '7');
    const r = await new RedisStore(redis).hit(k, 60_000);
    assert.equal(r.count, 8);
    assert.ok(r.resetMs > 0 && r.resetMs <= 60_000);
    assert.ok((await redis.pttl(RATE_LIMIT_KEY_PREFIX + k)) > 0);
  });

  test('still counts after Redis forgets its scripts (restart, SCRIPT FLUSH)', async () => {
    const store = new RedisStore(redis);
    const k = key();
    await store.hit(k, 60_000);
    await redis.script('FLUSH');
    assert.equal((await store.hit(k, 60_000)).count, 2);
  });
});

describe('FallbackStore', () => {
  test('with Redis down every call is answered locally, limits still hold, and it warns once', async () => {
    const dead = deadRedis();
    const log = recordingLog();
    const store = new FallbackStore(new RedisStore(dead), new MemoryStore(), log);
    try {
      const k = key();
      for (let i = 1; i <= 6; i++) assert.equal((await store.hit(k, 60_000)).count, i);
      assert.equal((await store.peek(k)).count, 6);
      await store.reset(k);
      assert.equal((await store.peek(k)).count, 0);
      assert.equal(log.warnings.length, 1, 'warnings are rate-limited to one per 10 s');
    } finally {
      dead.disconnect();
    }
  });

  test('a primary that never answers is abandoned after the timeout', async () => {
    const hang = () => new Promise<never>(() => {});
    const log = recordingLog();
    const store = new FallbackStore({ hit: hang, peek: hang, reset: hang }, new MemoryStore(), log, 20);
    const k = key();
    assert.equal((await store.hit(k, 60_000)).count, 1);
    assert.equal((await store.hit(k, 60_000)).count, 2);
    assert.match(String(log.warnings[0]?.err), /no answer within 20 ms/);
  });

  test('while the primary works, the fallback is not touched', async () => {
    const primary = new MemoryStore();
    const fallback = new MemoryStore();
    const store = new FallbackStore(primary, fallback, recordingLog());
    const k = key();
    await store.hit(k, 60_000);
    assert.equal((await primary.peek(k)).count, 1);
    assert.equal((await fallback.peek(k)).count, 0);
  });

  test('reset clears a count made locally during an earlier outage', async () => {
    const fallback = new MemoryStore();
    const store = new FallbackStore(new MemoryStore(), fallback, recordingLog());
    const k = key();
    await fallback.hit(k, 60_000);
    await store.reset(k);
    assert.equal((await fallback.peek(k)).count, 0);
  });
});

describe('RedisStore with FallbackStore on a live Redis', { skip: REDIS_SKIP }, () => {
  test('counts in Redis, not locally', async () => {
    const redis = await connectRedis(testRedisUrl()!);
    try {
      const fallback = new MemoryStore();
      const store = new FallbackStore(new RedisStore(redis), fallback, recordingLog());
      const k = key();
      await store.hit(k, 60_000);
      assert.equal(await redis.get(RATE_LIMIT_KEY_PREFIX + k), '1');
      assert.equal((await fallback.peek(k)).count, 0);
    } finally {
      await redis.quit();
    }
  });
});
