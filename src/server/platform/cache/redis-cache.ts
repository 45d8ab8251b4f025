// The cache in Redis, shared by every instance. Errors are thrown, not swallowed: the caller knows
// whether a failure may be ignored (filling the cache) or must be reported (invalidating it).
import type { RedisClient } from '../redis.ts';
import type { Cache } from './cache.ts';

export const CACHE_KEY_PREFIX = 'nilecare:cache:';

export class RedisCache implements Cache {
  readonly #redis: RedisClient;
  constructor(redis: RedisClient) {
    this.#redis = redis;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.#redis.get(CACHE_KEY_PREFIX + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.#redis.set(CACHE_KEY_PREFIX + key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  async delete(key: string): Promise<void> {
    await this.#redis.del(CACHE_KEY_PREFIX + key);
  }
}
