// Health as the spec's deployment and cross-service tests use it. Modules add the checks that say
// whether their part can serve; readiness checks the shared dependencies.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { RedisClient } from './redis.ts';

export const HEALTH_PARTS = ['auth', 'business', 'clinical', 'billing', 'notification'] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];
type Check = () => Promise<void>;

const CHECK_TIMEOUT_MS = 2000;

export class Health {
  readonly #checks = new Map<HealthPart | 'ready', Map<string, Check>>();
  readonly #db: Db;

  constructor(db: Db, redis: RedisClient | undefined) {
    this.#db = db;
    this.add('ready', 'database', async () => { await sql`select 1`.execute(db.kysely); });
    if (redis) this.add('ready', 'redis', async () => { await redis.ping(); });
  }

  add(part: HealthPart | 'ready', name: string, check: Check): void {
    if (!this.#checks.has(part)) this.#checks.set(part, new Map());
    this.#checks.get(part)!.set(name, check);
  }

  /** The part can serve only if its tables answer a query. */
  addTables(part: HealthPart, tables: (keyof Database)[]): void {
    for (const table of tables) {
      this.add(part, `table:${table}`, async () => { await this.#db.kysely.selectFrom(table).select(sql`1`.as('one')).limit(1).execute(); });
    }
  }

  async run(part: HealthPart | 'ready'): Promise<{ healthy: boolean; checks: Record<string, string> }> {
    const checks = new Map([...(this.#checks.get('ready') ?? []), ...(this.#checks.get(part) ?? [])]);
    const results: Record<string, string> = {};
    await Promise.all([...checks].map(async ([name, check]) => {
      results[name] = await withTimeout(check()).then(() => 'ok', (e: unknown) => `failed: ${e instanceof Error ? e.message : String(e)}`);
    }));
    return { healthy: Object.values(results).every((r) => r === 'ok'), checks: results };
  }
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
      const { healthy, checks } = await opts.health.run(part);
      const failing = Object.keys(checks).filter((k) => checks[k] !== 'ok');
      return reply.status(healthy ? 200 : 503).send({
        status: healthy ? 'healthy' : 'unhealthy',
        ...(part === 'ready' ? {} : { service: part }),
        checks,
        ...(failing.length ? { failing } : {}),
      });
    });
  }
}
