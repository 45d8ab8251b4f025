// Every Redis call of the API goes through one RedisLink: a short timeout (REDIS_TIMEOUT) and a
// circuit breaker shared by the cache and the rate limits. Without it a hung Redis (stopped,
// partitioned) made every request wait for each of its Redis calls in turn. Now the first call that
// times out or loses its connection opens the circuit, the calls still waiting with it are released
// at once, and from then on no request waits on Redis at all: callers fall back (rate limits count
// locally, cache reads go to the database) until a background probe finds Redis answering again.
//
// A closed circuit means "Redis answered a PING and every recovery hook ran". The hooks run on the
// first connection and after every outage, before any request uses Redis again (the cache uses one
// to retire entries written before the outage, see cache/redis-cache.ts).
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { RedisClient } from './redis.ts';

export class RedisUnavailable extends Error {}

export type CircuitState = 'closed' | 'open';
type RecoveryHook = (client: RedisClient) => Promise<void>;

/** How often an open circuit asks Redis whether it is back (also at once when ioredis reconnects). */
export const PROBE_INTERVAL_MS = 1000;

interface LinkMetrics { timeouts: Counter; failures: Counter; shortCircuits: Counter; opened: Counter }

export class RedisLink {
  readonly client: RedisClient;
  readonly #timeoutMs: number;
  readonly #log: Pick<Logger, 'warn' | 'info'>;
  readonly #pending = new Set<(err: Error) => void>();
  readonly #hooks: RecoveryHook[] = [];
  readonly #available: (() => void)[] = [];
  readonly #timer: NodeJS.Timeout;
  readonly #metrics: LinkMetrics | undefined;
  // Open until the first probe succeeds: nothing has been checked (or recovered) yet.
  #state: CircuitState = 'open';
  #openSince = new Date();
  #reason = 'not connected yet';
  #probing: Promise<void> | undefined;
  #stopped = false;

  constructor(client: RedisClient, opts: { timeoutMs: number; registry?: Registry }, log: Pick<Logger, 'warn' | 'info'>) {
    this.client = client;
    this.#timeoutMs = opts.timeoutMs;
    this.#log = log;
    this.#metrics = opts.registry && registerMetrics(opts.registry, this);
    client.on('ready', () => void this.probe());
    client.on('close', () => this.#trip('connection closed'));
    this.#timer = setInterval(() => { if (this.#state === 'open') void this.probe(); }, PROBE_INTERVAL_MS);
    this.#timer.unref();
  }

  get state(): CircuitState { return this.#state; }

  /** Why and since when the circuit is open; undefined while closed. */
  get outage(): { since: Date; reason: string } | undefined {
    return this.#state === 'open' ? { since: this.#openSince, reason: this.#reason } : undefined;
  }

  /** Runs before the circuit closes, on the first connection and after every outage. */
  onRecovery(hook: RecoveryHook): void {
    this.#hooks.push(hook);
  }

  /** Called each time the circuit closes, after the recovery hooks (for catching up in the background). */
  onAvailable(listener: () => void): void {
    this.#available.push(listener);
  }

  /**
   * Runs one Redis operation, or rejects with RedisUnavailable — at once while the circuit is open,
   * within REDIS_TIMEOUT otherwise. An error Redis itself answered (a ReplyError) is passed on and
   * does not open the circuit: Redis is working, the command was wrong.
   */
  run<T>(op: (client: RedisClient) => Promise<T>): Promise<T> {
    if (this.#state === 'open' || this.client.status !== 'ready') {
      this.#metrics?.shortCircuits.inc();
      this.#trip(`connection ${this.client.status}`);
      return Promise.reject(new RedisUnavailable(`Redis unavailable (${this.#reason})`));
    }
    return new Promise<T>((resolve, reject) => {
      const settle = (fn: () => void) => { clearTimeout(timer); this.#pending.delete(release); fn(); };
      const release = (err: Error) => settle(() => reject(err));
      const timer = setTimeout(() => {
        this.#metrics?.timeouts.inc();
        release(new RedisUnavailable(`Redis gave no answer within ${this.#timeoutMs} ms`));
        this.#trip(`no answer within ${this.#timeoutMs} ms`);
      }, this.#timeoutMs);
      this.#pending.add(release);
      Promise.resolve().then(() => op(this.client)).then((value) => settle(() => resolve(value)), (err: unknown) => {
        const error = err instanceof Error ? err : new Error(String(err));
        if (error.name === 'ReplyError') return settle(() => reject(error));
        this.#metrics?.failures.inc();
        release(error);
        this.#trip(error.message);
      });
    });
  }

  /** Checks Redis and closes the circuit if it answers; resolves when done (it never rejects). */
  probe(): Promise<void> {
    if (this.#state === 'closed') return Promise.resolve();
    this.#probing ??= this.#probeOnce().finally(() => { this.#probing = undefined; });
    return this.#probing;
  }

  /** Stops probing; the connection closing after this (at shutdown) is not an outage. */
  stop(): void {
    this.#stopped = true;
    clearInterval(this.#timer);
  }

  async #probeOnce(): Promise<void> {
    if (this.client.status !== 'ready') return;
    try {
      await this.#withTimeout(this.client.ping());
      for (const hook of this.#hooks) await this.#withTimeout(hook(this.client));
    } catch (err) {
      this.#reason = `probe failed: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    // A connection lost while the hooks ran leaves the circuit open for the next probe.
    if (this.client.status !== 'ready') return;
    const downMs = Date.now() - this.#openSince.getTime();
    this.#state = 'closed';
    this.#log.info({ downMs }, 'redis available; shared cache and rate limits in use');
    for (const listener of this.#available) listener();
  }

  #trip(reason: string): void {
    if (this.#state === 'open' || this.#stopped) return;
    this.#state = 'open';
    this.#openSince = new Date();
    this.#reason = reason;
    this.#metrics?.opened.inc();
    this.#log.warn({ reason }, 'redis unavailable; serving without it (local rate limits, no shared cache) until it answers');
    for (const release of [...this.#pending]) release(new RedisUnavailable(`Redis unavailable (${reason})`));
  }

  #withTimeout<T>(p: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${this.#timeoutMs} ms`)), this.#timeoutMs); });
    return Promise.race([p, late]).finally(() => clearTimeout(timer));
  }
}

function registerMetrics(registry: Registry, link: RedisLink): LinkMetrics {
  const registers = [registry];
  new Gauge({ name: 'redis_circuit_open', help: 'Redis circuit breaker: 1 while open (Redis unusable, requests skip it), 0 while closed', registers, collect() { this.set(link.state === 'open' ? 1 : 0); } });
  return {
    timeouts: new Counter({ name: 'redis_command_timeouts_total', help: 'Redis calls a request waited REDIS_TIMEOUT for without an answer', registers }),
    failures: new Counter({ name: 'redis_command_failures_total', help: 'Redis calls that failed on the connection (not counting timeouts)', registers }),
    shortCircuits: new Counter({ name: 'redis_short_circuits_total', help: 'Redis calls refused at once because the circuit was open', registers }),
    opened: new Counter({ name: 'redis_circuit_opened_total', help: 'Times the Redis circuit opened', registers }),
  };
}
