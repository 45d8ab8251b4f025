// Health as the spec's deployment and cross-service tests use it. Modules add the checks that say
// whether their part can serve; readiness checks the shared dependencies.
//
// Only what stops this instance from serving fails a check (503): the database. Redis being away
// degrades it (shared cache and shared rate limits fall back to local ones) but it still serves, so
// that shows in the body ("degraded") with a 200 — else a cache outage would make a load balancer
// take every instance out at once.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { RedisLink } from './redis-link.ts';

export const HEALTH_PARTS = ['auth', 'business', 'clinical', 'billing', 'notification'] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];
type Check = () => Promise<void>;
interface Entry { check: Check; degradesOnly: boolean }
export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

const CHECK_TIMEOUT_MS = 2000;

export class Health {
  readonly #checks = new Map<HealthPart | 'ready', Map<string, Entry>>();
  readonly #db: Db;

  constructor(db: Db, redis: RedisLink | undefined) {
    this.#db = db;
    this.add('ready', 'database', async () => { await sql`select 1`.execute(db.kysely); });
    if (redis) this.add('ready', 'redis', () => redisCheck(redis), { degradesOnly: true });
  }

  /** A failing check makes the part unhealthy (503), or with `degradesOnly` only degraded (200). */
  add(part: HealthPart | 'ready', name: string, check: Check, opts: { degradesOnly?: boolean } = {}): void {
    if (!this.#checks.has(part)) this.#checks.set(part, new Map());
    this.#checks.get(part)!.set(name, { check, degradesOnly: opts.degradesOnly ?? false });
  }

  /** The part can serve only if its tables answer a query. */
  addTables(part: HealthPart, tables: (keyof Database)[]): void {
    for (const table of tables) {
      this.add(part, `table:${table}`, async () => { await this.#db.kysely.selectFrom(table).select(sql`1`.as('one')).limit(1).execute(); });
    }
  }

  async run(part: HealthPart | 'ready'): Promise<{ status: HealthStatus; checks: Record<string, string>; failing: string[]; degraded: string[] }> {
    const checks = new Map([...(this.#checks.get('ready') ?? []), ...(this.#checks.get(part) ?? [])]);
    const results: Record<string, string> = {};
    const failing: string[] = [];
    const degraded: string[] = [];
    await Promise.all([...checks].map(async ([name, { check, degradesOnly }]) => {
      const error = await withTimeout(check()).then(() => undefined, (e: unknown) => (e instanceof Error ? e.message : String(e)));
      results[name] = error === undefined ? 'ok' : `${degradesOnly ? 'degraded' : 'failed'}: ${error}`;
      if (error !== undefined) (degradesOnly ? degraded : failing).push(name);
    }));
    const status = failing.length ? 'unhealthy' : degraded.length ? 'degraded' : 'healthy';
    return { status, checks: results, failing: failing.sort(), degraded: degraded.sort() };
  }
}

// The circuit's state, without waiting on a Redis known to be away.
async function redisCheck(redis: RedisLink): Promise<void> {
  const outage = redis.outage;
  if (outage) throw new Error(`circuit open since ${outage.since.toISOString()} (${outage.reason})`);
  await redis.run((c) => c.ping());
}

function withTimeout(p: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_, reject) => { timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export async function healthRoutes(app: FastifyInstance, opts: { health: Health }) {
  const config = { access: 'public' as const };
  const hide = { hide: true };
  // Liveness touches nothing: a slow database must not get the process restarted.
  app.get('/health', { config, schema: hide }, async () => ({ status: 'healthy' }));
  for (const part of ['ready', ...HEALTH_PARTS] as const) {
    app.get(`/health/${part}`, { config, schema: hide }, async (_req, reply) => {
      const { status, checks, failing, degraded } = await opts.health.run(part);
      return reply.status(status === 'unhealthy' ? 503 : 200).send({
        status,
        ...(part === 'ready' ? {} : { service: part }),
        checks,
        ...(failing.length ? { failing } : {}),
        ...(degraded.length ? { degraded } : {}),
      });
    });
  }
}
