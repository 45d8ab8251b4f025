// When Redis is down (or hangs), limits must not fail open — that would turn an outage into an
// unthrottled password-guessing window. Each call that Redis cannot answer is counted in a local
// MemoryStore instead, so the limits then hold per instance until Redis is back.
import type { RedisClient } from '../redis.ts';
import { MemoryStore, type HitResult, type RateLimitStore } from './store.ts';
import { RedisStore } from './redis-store.ts';

export interface WarnLog { warn(obj: object, msg: string): void }

const WARN_EVERY_MS = 10_000;
// A partitioned Redis can leave commands unanswered for minutes; every /api request waits on the
// limiter, so give up on it quickly rather than stall the whole API.
const DEFAULT_TIMEOUT_MS = 1000;

export class FallbackStore implements RateLimitStore {
  readonly #primary: RateLimitStore;
  readonly #fallback: RateLimitStore;
  readonly #log: WarnLog;
  readonly #timeoutMs: number;
  #warnedAt = -Infinity;

  constructor(primary: RateLimitStore, fallback: RateLimitStore, log: WarnLog, timeoutMs = DEFAULT_TIMEOUT_MS) {
    this.#primary = primary;
    this.#fallback = fallback;
    this.#log = log;
    this.#timeoutMs = timeoutMs;
  }

  hit(key: string, windowMs: number): Promise<HitResult> {
    return this.#either((s) => s.hit(key, windowMs));
  }

  peek(key: string): Promise<HitResult> {
    return this.#either((s) => s.peek(key));
  }

  /** Clears both, so a count made locally during an outage cannot resurface in the next one. */
  async reset(key: string): Promise<void> {
    await Promise.all([this.#either((s) => s.reset(key)), this.#fallback.reset(key)]);
  }

  async #either<T>(op: (store: RateLimitStore) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(op(this.#primary), this.#timeoutMs);
    } catch (err) {
      const now = Date.now();
      if (now - this.#warnedAt >= WARN_EVERY_MS) {
        this.#warnedAt = now;
        this.#log.warn({ err: err instanceof Error ? err.message : String(err) }, 'rate-limit store unavailable; counting in this instance only');
      }
      return op(this.#fallback);
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Shared counters in Redis (with a local fallback) when Redis is configured; in-process otherwise. */
export function createRateLimitStore(redis: RedisClient | undefined, log: WarnLog): RateLimitStore {
  return redis ? new FallbackStore(new RedisStore(redis), new MemoryStore(), log) : new MemoryStore();
}
