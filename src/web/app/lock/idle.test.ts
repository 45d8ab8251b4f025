import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdleClock, lockedUser, markLocked, type KeyValueStore } from './idle.ts';

function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

test('locks after the delay without activity, not before', () => {
  let now = 1_000_000;
  const clock = new IdleClock(memoryStore(), () => now);
  now += 9 * 60_000 + 59_000;
  assert.equal(clock.shouldLock(10), false);
  now += 1_000;
  assert.equal(clock.shouldLock(10), true);
  clock.markActive();
  assert.equal(clock.shouldLock(10), false);
  assert.equal(clock.shouldLock(0), true);
});

test('activity in another tab keeps this one open', () => {
  let now = 1_000_000;
  const shared = memoryStore();
  const thisTab = new IdleClock(shared, () => now);
  const otherTab = new IdleClock(shared, () => now);
  now += 8 * 60_000;
  otherTab.markActive();
  now += 5 * 60_000;
  assert.equal(thisTab.shouldLock(10), false, 'the other tab was active 5 minutes ago');
  now += 5 * 60_000;
  assert.equal(thisTab.shouldLock(10), true);
});

test('the lock is shared by name of the user and cleared on unlock', () => {
  const store = memoryStore();
  markLocked(store, 'user-1');
  assert.equal(lockedUser(store), 'user-1');
  markLocked(store, null);
  assert.equal(lockedUser(store), null);
});
