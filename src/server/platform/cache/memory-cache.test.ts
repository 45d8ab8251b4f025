import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryCache } from './memory-cache.ts';

test('stores, replaces and deletes values', async () => {
  const cache = new MemoryCache();
  assert.equal(await cache.get('a'), undefined);
  await cache.set('a', '1', 1000);
  await cache.set('a', '2', 1000);
  assert.equal(await cache.get('a'), '2');
  await cache.delete('a');
  assert.equal(await cache.get('a'), undefined);
});

test('an entry expires after its TTL', async () => {
  let now = 1_000_000;
  const cache = new MemoryCache(10, () => now);
  await cache.set('a', '1', 500);
  now += 499;
  assert.equal(await cache.get('a'), '1');
  now += 1;
  assert.equal(await cache.get('a'), undefined);
  assert.equal(cache.size, 0, 'an expired entry is dropped when met');
});

test('when full, the least recently used entry goes', async () => {
  const cache = new MemoryCache(3);
  for (const k of ['a', 'b', 'c']) await cache.set(k, k, 10_000);
  await cache.get('a'); // now b is the least recently used
  await cache.set('d', 'd', 10_000);
  assert.equal(cache.size, 3);
  assert.equal(await cache.get('b'), undefined);
  for (const k of ['a', 'c', 'd']) assert.equal(await cache.get(k), k);
});
