// Fixed-window counters in Redis, so every instance behind the load balancer counts together.
// A hit is one Lua script: INCRBY, then set the expiry only if the key has none (PEXPIRE NX
// semantics, also healing a key that somehow lost its TTL), then PTTL for the reset time — atomic,
// so two instances can never both start a window or both miss the expiry. Every call goes through
// the RedisLink, so it has a timeout and is refused at once while Redis is known to be down.
import type { RedisLink } from '../redis-link.ts';
import { redisScript, runScript } from '../redis-script.ts';
import type { HitResult, RateLimitStore } from './store.ts';

export const RATE_LIMIT_KEY_PREFIX = 'nilecare:rl:';

const HIT = redisScript(`
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`);

// DECR keeps the expiry; a key that is gone (window over) is not brought back as -1.
const REFUND = redisScript(`
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then return redis.call('DECR', KEYS[1]) end
return 0`);

export class RedisStore implements RateLimitStore {
  readonly #link: RedisLink;
  constructor(link: RedisLink) {
    this.#link = link;
  }

  async hit(key: string, windowMs: number, by = 1): Promise<HitResult> {
    const window = String(Math.max(1, Math.ceil(windowMs)));
    const [count, ttl] = (await this.#link.run((c) => runScript(c, HIT, [RATE_LIMIT_KEY_PREFIX + key], [window, by]))) as [number, number];
    return { count, resetMs: ttl };
  }

  async peek(key: string): Promise<HitResult> {
    const k = RATE_LIMIT_KEY_PREFIX + key;
    const replies = await this.#link.run((c) => c.multi().get(k).pttl(k).exec());
    if (!replies) throw new Error('redis transaction aborted');
    for (const [err] of replies) if (err) throw err;
    const count = Number(replies[0]![1] ?? 0);
    const ttl = Number(replies[1]![1]);
    return count > 0 && ttl > 0 ? { count, resetMs: ttl } : { count: 0, resetMs: 0 };
  }

  async refund(key: string): Promise<void> {
    await this.#link.run((c) => runScript(c, REFUND, [RATE_LIMIT_KEY_PREFIX + key], []));
  }

  async reset(key: string): Promise<void> {
    await this.#link.run((c) => c.del(RATE_LIMIT_KEY_PREFIX + key));
  }
}
