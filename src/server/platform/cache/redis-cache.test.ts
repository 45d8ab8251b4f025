// The Redis cache against a real Redis (TEST_REDIS_URL); skipped without one. Each test uses its
// own key prefix, so its epoch is its own too.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { RedisLink } from '../redis-link.ts';
import { testRedisUrl } from '../../../../test/support/dialects.ts';
import { closeLink, deadRedis, liveLink, testLink } from '../../../../test/support/redis.ts';
import { until } from '../../../../test/support/wait.ts';
import { RedisCache } from './redis-cache.ts';
import { createCache } from './cache.ts';
import { MemoryCache } from './memory-cache.ts';

const url = testRedisUrl();
const prefix = () => `test:${randomBytes(6).toString('hex')}:`;

test('createCache: Redis when configured, in-process on SQLite, none on server databases without Redis', async () => {
  const dead = await testLink(deadRedis());
  try {
    assert.ok(createCache('postgres', dead) instanceof RedisCache);
    assert.ok(createCache('sqlite', dead) instanceof RedisCache);
  } finally {
    dead.stop();
    dead.client.disconnect();
  }
  assert.ok(createCache('sqlite', undefined) instanceof MemoryCache);
  assert.equal(createCache('postgres', undefined), undefined);
  assert.equal(createCache('mysql', undefined), undefined);
});

test('an unreachable Redis makes every operation fail at once, so callers can choose how to degrade', async () => {
  const dead = await testLink(deadRedis());
  try {
    const cache = new RedisCache(dead, prefix());
    await assert.rejects(cache.get('k'));
    await assert.rejects(cache.getMany(['k', 'l']));
    await assert.rejects(cache.set('k', 'v', 1000));
    await assert.rejects(cache.delete('k'));
  } finally {
    dead.stop();
    dead.client.disconnect();
  }
});

describe('with Redis', { skip: !url && 'set TEST_REDIS_URL' }, () => {
  let link: RedisLink;
  before(async () => { link = await liveLink(url!); });
  after(() => closeLink(link));

  test('stores under the prefix with a TTL, and deletes', async () => {
    const p = prefix();
    const cache = new RedisCache(link, p);
    await cache.set('k:1', 'value', 60_000);
    assert.equal(await cache.get('k:1'), 'value');
    assert.match(String(await link.client.get(`${p}k:1`)), /^\d+\|value$/, 'stored with the epoch it was written in');
    const ttl = await link.client.pttl(`${p}k:1`);
    assert.ok(ttl > 0 && ttl <= 60_000, String(ttl));
    await cache.delete('k:1');
    assert.equal(await cache.get('k:1'), undefined);
  });

  test('an entry expires', async () => {
    const cache = new RedisCache(link, prefix());
    await cache.set('k:1', 'short', 30);
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(await cache.get('k:1'), undefined);
  });

  test('getMany reads several keys and the stamp in one go', async () => {
    const cache = new RedisCache(link, prefix());
    await cache.set('a:1', 'A', 60_000);
    const read = await cache.getMany(['a:1', 'b:1']);
    assert.deepEqual(read.values, ['A', undefined]);
    assert.match(read.stamp, /^\d+$/);
  });

  test('after the epoch moves on (an outage ended), older entries are absent and stale writes are dropped', async () => {
    const p = prefix();
    const cache = new RedisCache(link, p);
    await cache.set('a:1', 'before', 60_000);
    const { stamp } = await cache.getMany(['b:1']); // a read misses, then goes to the database …
    await link.client.incr(`${p}epoch`); // … while an outage ends elsewhere
    assert.equal(await cache.get('a:1'), undefined, 'written before the outage');
    await cache.set('b:1', 'read before the outage ended', 60_000, stamp);
    assert.equal(await cache.get('b:1'), undefined, 'a value read before the outage ended is not stored');
    const fresh = await cache.getMany(['b:1']);
    await cache.set('b:1', 'read after', 60_000, fresh.stamp);
    assert.equal(await cache.get('b:1'), 'read after');
  });

  test('every new link bumps the epoch before the cache is used', async () => {
    const p = prefix();
    const cache = new RedisCache(link, p);
    await cache.set('a:1', 'old', 60_000);
    const other = await liveLink(url!);
    try {
      const otherCache = new RedisCache(other, p);
      // The connection drops and comes back, as after an outage: the recovery hooks run again.
      await other.client.disconnect(true);
      await new Promise<void>((resolve) => other.client.once('ready', resolve));
      await until('the reconnected link to close its circuit', async () => { await other.probe(); return other.state === 'closed'; });
      assert.equal(await otherCache.get('a:1'), undefined);
      assert.equal(await cache.get('a:1'), undefined, 'for every instance');
    } finally {
      await closeLink(other);
    }
  });
});
