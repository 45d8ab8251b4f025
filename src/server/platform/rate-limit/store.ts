// Fixed-window counters. In-process by default; the Redis store (redis-store.ts) shares them
// between instances when REDIS_URL is set.
export interface HitResult { count: number; resetMs: number }

export interface RateLimitStore {
  /** Counts one hit against `key` in a window of `windowMs`; returns the count so far and ms until reset. */
  hit(key: string, windowMs: number): Promise<HitResult>;
  /** The current count without counting (0 when the window has passed). */
  peek(key: string): Promise<HitResult>;
  reset(key: string): Promise<void>;
}

export class MemoryStore implements RateLimitStore {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  #sweptAt = 0;

  async hit(key: string, windowMs: number): Promise<HitResult> {
    const now = Date.now();
    this.#sweep(now);
    let w = this.#windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      this.#windows.set(key, w);
    }
    w.count += 1;
    return { count: w.count, resetMs: w.resetAt - now };
  }

  async peek(key: string): Promise<HitResult> {
    const now = Date.now();
    const w = this.#windows.get(key);
    return !w || w.resetAt <= now ? { count: 0, resetMs: 0 } : { count: w.count, resetMs: w.resetAt - now };
  }

  async reset(key: string): Promise<void> {
    this.#windows.delete(key);
  }

  // Expired windows are dropped at most once a second so memory stays bounded under a flood.
  #sweep(now: number) {
    if (now - this.#sweptAt < 1000) return;
    this.#sweptAt = now;
    for (const [k, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(k);
  }
}
