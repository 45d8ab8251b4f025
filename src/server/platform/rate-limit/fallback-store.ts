// When Redis is down (or hangs), limits must not fail open — that would turn an outage into an
// unthrottled password-guessing window. Every hit Redis cannot take is counted in this instance,
// and across the outage the stricter count wins, in both directions:
//
// - into an outage: each instance remembers the last count Redis reported for a key, and counts on
//   from there, so failures made before Redis went away still count while it is away;
// - out of it: hits counted here while Redis was away are owed to Redis and handed over as soon as
//   it is back (and with the next hit of the same key, whichever comes first), so the other
//   instances see them too.
//
// A success (reset) while Redis is away clears only this instance's counts; the shared one expires
// with its window. That errs on the strict side, like everything here (docs/decisions/0005).
import type { RedisLink } from '../redis-link.ts';
import { MemoryStore, type HitResult, type RateLimitStore } from './store.ts';
import { RedisStore } from './redis-store.ts';

export interface WarnLog { warn(obj: object, msg: string): void }

const WARN_EVERY_MS = 10_000;
const HAND_OVER_BATCH = 200;

export class FallbackStore implements RateLimitStore {
  readonly #primary: RateLimitStore;
  readonly #log: WarnLog;
  /** Hits counted here while the primary was unavailable, not yet handed to it. */
  readonly #owed = new MemoryStore();
  /** The last count the primary reported per key. */
  readonly #seen = new MemoryStore();
  #warnedAt = -Infinity;

  constructor(primary: RateLimitStore, log: WarnLog, link?: Pick<RedisLink, 'onAvailable'>) {
    this.#primary = primary;
    this.#log = log;
    link?.onAvailable(() => void this.handOver());
  }

  /** Hands every owed count to the primary; what it cannot take stays owed. */
  async handOver(): Promise<void> {
    const keys = this.#owed.keys();
    for (let i = 0; i < keys.length; i += HAND_OVER_BATCH) {
      await Promise.all(keys.slice(i, i + HAND_OVER_BATCH).map(async (key) => {
        const owed = this.#owed.take(key);
        if (owed.count === 0) return;
        try {
          this.#seen.raise(key, await this.#primary.hit(key, owed.resetMs, owed.count));
        } catch {
          this.#owed.raise(key, owed);
        }
      }));
    }
  }

  async hit(key: string, windowMs: number, by = 1): Promise<HitResult> {
    // Taken synchronously, so two concurrent hits cannot both hand over the same owed hits.
    const owed = this.#owed.take(key);
    try {
      const result = await this.#primary.hit(key, windowMs, by + owed.count);
      this.#seen.raise(key, result);
      return result;
    } catch (err) {
      this.#warn(err);
      if (owed.count > 0) this.#owed.raise(key, owed);
      return combine(this.#seen.current(key), this.#owed.add(key, by, windowMs));
    }
  }

  async peek(key: string): Promise<HitResult> {
    try {
      return combine(await this.#primary.peek(key), this.#owed.current(key));
    } catch (err) {
      this.#warn(err);
      return combine(this.#seen.current(key), this.#owed.current(key));
    }
  }

  async refund(key: string): Promise<void> {
    try {
      await this.#primary.refund(key);
      await this.#seen.refund(key);
    } catch (err) {
      this.#warn(err);
      await this.#owed.refund(key);
    }
  }

  async reset(key: string): Promise<void> {
    this.#owed.take(key);
    this.#seen.take(key);
    try {
      await this.#primary.reset(key);
    } catch (err) {
      this.#warn(err);
    }
  }

  #warn(err: unknown): void {
    const now = Date.now();
    if (now - this.#warnedAt < WARN_EVERY_MS) return;
    this.#warnedAt = now;
    this.#log.warn({ err: err instanceof Error ? err.message : String(err) }, 'rate-limit store unavailable; counting in this instance until it is back');
  }
}

function combine(a: HitResult, b: HitResult): HitResult {
  return { count: a.count + b.count, resetMs: Math.max(a.resetMs, b.resetMs) };
}

/** Shared counters in Redis (with a local fallback) when Redis is configured; in-process otherwise. */
export function createRateLimitStore(redis: RedisLink | undefined, log: WarnLog): RateLimitStore {
  return redis ? new FallbackStore(new RedisStore(redis), log, redis) : new MemoryStore();
}
