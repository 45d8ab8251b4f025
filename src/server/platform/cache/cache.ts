// A small key/value cache with expiry. Values are strings (callers serialise), so a cached object
// can never be mutated through a reference another request still holds.
//
// Which implementation runs is decided once, in createCache(): Redis when REDIS_URL is set (every
// instance sees one cache, so one delete invalidates everywhere), an in-process LRU on SQLite (one
// process serves the database), and none at all on PostgreSQL/MySQL without Redis — there several
// instances may serve one database, and a per-instance copy could not be invalidated by an update
// made on another instance, so a cached read could return data that was already changed.
import type { DbClient } from '../../config.ts';
import type { RedisLink } from '../redis-link.ts';
import { MemoryCache } from './memory-cache.ts';
import { RedisCache } from './redis-cache.ts';

/** What a read found, and the stamp a later set() of a value computed from that read presents. */
export interface CacheRead { values: (string | undefined)[]; stamp: string }

export interface Cache {
  /** The value stored under key, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /**
   * Several keys in one round trip. A value written before the cache's last outage is reported
   * absent (an update made meanwhile could not invalidate it).
   */
  getMany(keys: string[]): Promise<CacheRead>;
  /**
   * Stores value under key for ttlMs milliseconds, replacing what was there. With `ifStamp` (from
   * the getMany() before the database read that produced value) the write is dropped if an outage
   * ended since: the value may predate an update whose invalidation was lost.
   */
  set(key: string, value: string, ttlMs: number, ifStamp?: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export function createCache(client: DbClient, redis: RedisLink | undefined): Cache | undefined {
  if (redis) return new RedisCache(redis);
  if (client === 'sqlite') return new MemoryCache();
  return undefined;
}
