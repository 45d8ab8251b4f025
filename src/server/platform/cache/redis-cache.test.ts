// The Redis cache against a real Redis (TEST_REDIS_URL); skipped without one.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connectRedis, type RedisClient } from '../redis.ts';
import { testRedisUrl } from '../../../../test/support/dialects.ts';
import { deadRedis } from '../../../../test/support/redis.ts';
import { RedisCache, CACHE_KEY_PREFIX } from './redis-cache.ts';
import { createCache } from './cache.ts';
import { MemoryCache } from './memory-cache.ts';

const url = testRedisUrl();

test('createCache: Redis when configured, in-process on SQLite, none on server databases without Redis', () => {
  const dead = deadRedis();
  try {
    assert.ok(createCache('postgres', dead) instanceof RedisCache);
    assert.ok(createCache('sqlite', dead) instanceof RedisCache);
  } finally {
    dead.disconnect();
  }
  assert.ok(createCache('sqlite', undefined) instanceof MemoryCache);
  assert.equal(createCache('postgres', undefined), undefined);
  assert.equal(createCache('mysql', undefined), undefined);
});

test('an unreachable Redis makes every operation fail, so callers can choose how to degrade', async () => {
  const dead = deadRedis();
  try {
    const cache = new RedisCache(dead);
    await assert.rejects(cache.get('k'));
    await assert.rejects(cache.set('k', 'v', 1000));
    await assert.rejects(cache.delete('k'));
  } finally {
    dead.disconnect();
  }
});

describe('with Redis', { skip: !url && 'set TEST_REDIS_URL' }, () => {
  let redis: RedisClient;
  const key = `test:${randomBytes(6).toString('hex')}`;
  before(async () => { redis = await connectRedis(url!); });
  after(async () => { await redis.del(CACHE_KEY_PREFIX + key); await redis.quit(); });

  test('stores under the prefix with a TTL, and deletes', async () => {
    const cache = new RedisCache(redis);
    await cache.set(key, 'value', 60_000);
    assert.equal(await cache.get(key), 'value');
    assert.equal(await redis.get(CACHE_KEY_PREFIX + key), 'value');
    const ttl = await redis.pttl(CACHE_KEY_PREFIX + key);
    assert.ok(ttl > 0 && ttl <= 60_000, String(ttl));
    await cache.delete(key);
    assert.equal(await cache.get(key), undefined);
  });

  test('an entry expires', async () => {
    const cache = new RedisCache(redis);
    await cache.set(key, 'short', 30);
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(await cache.get(key), undefined);
  });
});
