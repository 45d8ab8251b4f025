// The patient cache's rules, on an in-process cache: the facility is part of the key, and a record
// stored after a newer version was committed (a read racing an update) is never served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { MemoryCache } from '../../platform/cache/memory-cache.ts';
import type { Cache } from '../../platform/cache/cache.ts';
import type { PatientTable } from './patients.table.ts';
import { PatientCache } from './patient-cache.ts';

const log = pino({ level: 'silent' });
const row = (version: number) => ({ id: 'p1', facility_id: 'f1', version, first_name: `v${version}` }) as PatientTable;

test('a cached record is served only to its own facility', async () => {
  const cache = new PatientCache(new MemoryCache(), log);
  await cache.put(row(1), '0');
  assert.equal((await cache.get('f1', 'p1'))?.first_name, 'v1');
  assert.equal(await cache.get('f2', 'p1'), undefined);
});

test('invalidation drops the record', async () => {
  const cache = new PatientCache(new MemoryCache(), log);
  await cache.put(row(1), '0');
  await cache.invalidate('f1', 'p1', 2);
  assert.equal(await cache.get('f1', 'p1'), undefined);
});

test('a read of the old version stored after the invalidation is ignored; the new version is served', async () => {
  const cache = new PatientCache(new MemoryCache(), log);
  await cache.invalidate('f1', 'p1', 2); // the update commits and invalidates …
  await cache.put(row(1), '0'); // … then a read that fetched version 1 just before stores it
  assert.equal(await cache.get('f1', 'p1'), undefined);
  await cache.put(row(2), '0');
  assert.equal((await cache.get('f1', 'p1'))?.first_name, 'v2');
});

test('no cache, or a failing one, means every read goes to the database', async () => {
  const none = new PatientCache(undefined, log);
  await none.put(row(1), '0');
  assert.equal(await none.get('f1', 'p1'), undefined);

  const broken: Cache = {
    get: async () => { throw new Error('down'); },
    getMany: async () => { throw new Error('down'); },
    set: async () => { throw new Error('down'); },
    delete: async () => { throw new Error('down'); },
  };
  const failing = new PatientCache(broken, log);
  await failing.put(row(1), '0');
  assert.equal(await failing.get('f1', 'p1'), undefined);
  await failing.invalidate('f1', 'p1', 2); // logged, not thrown: the update has already committed
});
