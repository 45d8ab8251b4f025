// Fixed-window counters. In-process by default; the Redis store (redis-store.ts) shares them
// between instances when REDIS_URL is set.

export interface HitResult { count: number; resetMs: number }

export interface RateLimitStore {
  /** Counts `by` hits (default 1) against `key` in a window of `windowMs`; returns the count so far and ms until reset. */
  hit(key: string, windowMs: number, by?: number): Promise<HitResult>;
  /** The current count without counting (0 when the window has passed). */
  peek(key: string): Promise<HitResult>;
  /** Takes one hit back (an attempt that was reserved but turned out not to count); never below 0. */
  refund(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

const EMPTY: HitResult = { count: 0, resetMs: 0 };

/**
 * In memory. Every operation completes synchronously (the async methods only wrap the sync ones),
 * so concurrent requests in one process can never read the same count twice.
 */
export class MemoryStore implements RateLimitStore {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  #sweptAt = 0;

  async hit(key: string, windowMs: number, by = 1): Promise<HitResult> {
    return this.add(key, by, windowMs);
  }

  async peek(key: string): Promise<HitResult> {
    return this.current(key);
  }

  async refund(key: string): Promise<void> {
    const w = this.#live(key, Date.now());
    if (w && w.count > 0) w.count -= 1;
  }

  async reset(key: string): Promise<void> {
    this.#windows.delete(key);
  }

  add(key: string, by: number, windowMs: number): HitResult {
    const now = Date.now();
    this.#sweep(now);
    let w = this.#live(key, now);
    if (!w) {
      w = { count: 0, resetAt: now + windowMs };
      this.#windows.set(key, w);
    }
    w.count += by;
    return { count: w.count, resetMs: w.resetAt - now };
  }

  current(key: string): HitResult {
    const now = Date.now();
    const w = this.#live(key, now);
    return w ? { count: w.count, resetMs: w.resetAt - now } : EMPTY;
  }

  /** Raises the count to at least `count`, and the window to last at least `resetMs` more. */
  raise(key: string, { count, resetMs }: HitResult): void {
    const now = Date.now();
    this.#sweep(now);
    const w = this.#live(key, now);
    if (w) {
      w.count = Math.max(w.count, count);
      w.resetAt = Math.max(w.resetAt, now + resetMs);
    } else if (count > 0 && resetMs > 0) {
      this.#windows.set(key, { count, resetAt: now + resetMs });
    }
  }

  /** The keys with a live window. */
  keys(): string[] {
    const now = Date.now();
    return [...this.#windows].filter(([, w]) => w.resetAt > now).map(([k]) => k);
  }

  /** Removes the key and returns what it held. */
  take(key: string): HitResult {
    const taken = this.current(key);
    this.#windows.delete(key);
    return taken;
  }

  #live(key: string, now: number) {
    const w = this.#windows.get(key);
    return w && w.resetAt > now ? w : undefined;
  }

  // Expired windows are dropped at most once a second so memory stays bounded under a flood.
  #sweep(now: number) {
    if (now - this.#sweptAt < 1000) return;
    this.#sweptAt = now;
    for (const [k, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(k);
  }
}
