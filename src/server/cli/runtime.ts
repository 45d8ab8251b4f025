import pino, { type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config.ts';
import { connectDatabase, type Db } from '../db/connect.ts';
import { pendingMigrations, migrateUp } from '../db/migrate.ts';
import { openRedis, closeRedis, type RedisClient } from '../platform/redis.ts';
import { REDACT_PATHS, errSerializer } from '../platform/http/logger.ts';
import { startTracing, type Tracing } from '../platform/telemetry/tracing.ts';
import { startErrorReporting, SEND_TIMEOUT_MS, type ErrorReporter } from '../platform/telemetry/error-reporter.ts';

/** `tracing` and `errors` exist only for the long-running roles, and only when configured. */
export interface Runtime { config: Config; db: Db; redis: RedisClient | undefined; log: Logger; tracing?: Tracing; errors?: ErrorReporter }

export function cliLogger(config: Config, mixin?: LoggerOptions['mixin']): Logger {
  return pino({ level: config.logLevel === 'silent' ? 'silent' : config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, serializers: { err: errSerializer }, ...(mixin ? { mixin } : {}) });
}

/**
 * The database, and Redis only for a process that serves the API (the only user of it): commands
 * such as `migrate` and `audit verify` never touch Redis. Redis is opened without waiting for it —
 * the API starts degraded while it is away and uses it once it answers. Statement timeouts are for
 * the API and the worker; migrations, seeding and audit verification may rightly run long.
 * `role` (api, worker, api+worker): start tracing and error reporting for a serving process.
 */
export async function openRuntime(config: Config, opts: { redis?: boolean; statementTimeout?: boolean; role?: string } = {}, log = cliLogger(config)): Promise<Runtime> {
  const tracing = opts.role ? await startTracing(config, log, opts.role) : undefined;
  if (tracing) log = cliLogger(config, tracing.logMixin);
  const errors = opts.role ? startErrorReporting(config, log, opts.role) : undefined;
  const db = connectDatabase(config.db, { statementTimeout: opts.statementTimeout ?? false, tracing });
  const redis = opts.redis && config.redisUrl ? openRedis(config.redisUrl, log) : undefined;
  return { config, db, redis, log, tracing, errors };
}

export async function closeRuntime(rt: Runtime): Promise<void> {
  await rt.db.destroy();
  if (rt.redis) await closeRedis(rt.redis);
  await rt.tracing?.shutdown();
  await rt.errors?.flush(SEND_TIMEOUT_MS);
}

/**
 * The embedded database is migrated on start (it has one owner). A server database is migrated
 * deliberately with `nilecare migrate up`; starting against one that is behind is refused.
 */
export async function ensureSchema(rt: Runtime): Promise<void> {
  if (rt.config.db.client === 'sqlite') {
    for (const line of await migrateUp(rt.db)) rt.log.info(line);
    return;
  }
  const pending = await pendingMigrations(rt.db);
  if (pending.length) {
    throw new Error(`The ${rt.config.db.client} database is ${pending.length} migration(s) behind (${pending.join(', ')}). Run "nilecare migrate up" (npm run migrate) first.`);
  }
}
