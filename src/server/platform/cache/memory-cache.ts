// In-process LRU cache: a Map keeps insertion order, so re-inserting on every hit makes its first
// key the least recently used one, which is what gets evicted when the cache is full.
import type { Cache, CacheRead } from './cache.ts';

export const MEMORY_CACHE_MAX_ENTRIES = 10_000;

export class MemoryCache implements Cache {
  readonly #entries = new Map<string, { value: string; expiresAt: number }>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(maxEntries = MEMORY_CACHE_MAX_ENTRIES, now: () => number = Date.now) {
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  get size(): number {
    return this.#entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= this.#now()) return undefined;
    this.#entries.set(key, entry);
    return entry.value;
  }

  // One process, no outages: the stamp never changes.
  async getMany(keys: string[]): Promise<CacheRead> {
    const values = [];
    for (const key of keys) values.push(await this.get(key));
    return { values, stamp: '0' };
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }
}
