// Fixed-window counters in Redis, so every instance behind the load balancer counts together.
// A hit is one Lua script: INCR, then set the expiry only if the key has none (PEXPIRE NX
// semantics, also healing a key that somehow lost its TTL), then PTTL for the reset time — atomic,
// so two instances can never both start a window or both miss the expiry.
import { createHash } from 'node:crypto';
import type { RedisClient } from '../redis.ts';
import type { HitResult, RateLimitStore } from './store.ts';

export const RATE_LIMIT_KEY_PREFIX = 'nilecare:rl:';

const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;
const HIT_SHA = createHash('sha1').update(HIT_SCRIPT).digest('hex');

export class RedisStore implements RateLimitStore {
  readonly #redis: RedisClient;
  constructor(redis: RedisClient) {
    this.#redis = redis;
  }

  async hit(key: string, windowMs: number): Promise<HitResult> {
    const k = RATE_LIMIT_KEY_PREFIX + key;
    const window = String(Math.max(1, Math.ceil(windowMs)));
    // EVALSHA sends 40 bytes instead of the script; Redis forgets scripts on restart, hence the retry.
    const [count, ttl] = (await this.#redis.evalsha(HIT_SHA, 1, k, window).catch((err: unknown) => {
      if (err instanceof Error && err.message.startsWith('NOSCRIPT')) return this.#redis.eval(HIT_SCRIPT, 1, k, window);
      throw err;
    })) as [number, number];
    return { count, resetMs: ttl };
  }

  async peek(key: string): Promise<HitResult> {
    const k = RATE_LIMIT_KEY_PREFIX + key;
    const replies = await this.#redis.multi().get(k).pttl(k).exec();
    if (!replies) throw new Error('redis transaction aborted');
    for (const [err] of replies) if (err) throw err;
    const count = Number(replies[0]![1] ?? 0);
    const ttl = Number(replies[1]![1]);
    return count > 0 && ttl > 0 ? { count, resetMs: ttl } : { count: 0, resetMs: 0 };
  }

  async reset(key: string): Promise<void> {
    await this.#redis.del(RATE_LIMIT_KEY_PREFIX + key);
  }
}
