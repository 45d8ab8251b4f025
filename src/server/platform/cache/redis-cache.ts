// The cache in Redis, shared by every instance. Errors are thrown, not swallowed: the caller knows
// whether a failure may be ignored (filling the cache) or must be reported (invalidating it).
//
// Outages. While Redis is unreachable an update cannot delete the cached copy of what it changed,
// and a Redis that keeps its data (AOF/RDB) brings that copy back when it returns. So the cache has
// an epoch (a counter key), every value is stored stamped with the epoch it was written in, and a
// value from an older epoch is treated as absent. Each instance bumps the epoch when its link to
// Redis (re)connects — on its first connection and after every outage — before it uses the cache
// again (docs/decisions/0014-cache-epoch.md).
import type { RedisLink } from '../redis-link.ts';
import { redisScript, runScript } from '../redis-script.ts';
import type { Cache, CacheRead } from './cache.ts';

export const CACHE_KEY_PREFIX = 'nilecare:cache:';
const EPOCH = 'epoch'; // the epoch's key under the prefix; cache keys always contain a colon

// Reads the epoch and writes the stamped value in one step, so no bump can fall between them.
const SET_SCRIPT = redisScript(`
local epoch = redis.call('GET', KEYS[1]) or '0'
if ARGV[3] ~= '' and ARGV[3] ~= epoch then return 0 end
redis.call('SET', KEYS[2], epoch .. '|' .. ARGV[1], 'PX', ARGV[2])
return 1`);

export class RedisCache implements Cache {
  readonly #link: RedisLink;
  readonly #prefix: string;
  readonly #epochKey: string;
  /** `prefix` lets tests keep their keys (and epoch) apart on a shared Redis. */
  constructor(link: RedisLink, prefix = CACHE_KEY_PREFIX) {
    this.#link = link;
    this.#prefix = prefix;
    this.#epochKey = prefix + EPOCH;
    link.onRecovery(async (client) => { await client.incr(this.#epochKey); });
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.getMany([key])).values[0];
  }

  async getMany(keys: string[]): Promise<CacheRead> {
    const [epoch, ...raw] = await this.#link.run((c) => c.mget(this.#epochKey, ...keys.map((k) => this.#prefix + k)));
    const stamp = epoch ?? '0';
    return { stamp, values: raw.map((v) => unstamp(v, stamp)) };
  }

  async set(key: string, value: string, ttlMs: number, ifStamp = ''): Promise<void> {
    const ttl = String(Math.max(1, Math.ceil(ttlMs)));
    await this.#link.run((c) => runScript(c, SET_SCRIPT, [this.#epochKey, this.#prefix + key], [value, ttl, ifStamp]));
  }

  async delete(key: string): Promise<void> {
    await this.#link.run((c) => c.del(this.#prefix + key));
  }
}

function unstamp(raw: string | null, epoch: string): string | undefined {
  if (raw === null) return undefined;
  const bar = raw.indexOf('|');
  return bar > 0 && raw.slice(0, bar) === epoch ? raw.slice(bar + 1) : undefined;
}
