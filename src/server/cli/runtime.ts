import pino, { type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config.ts';
import { connectDatabase, type Db } from '../db/connect.ts';
import { pendingMigrations, migrateUp } from '../db/migrate.ts';
import { connectRedis, type RedisClient } from '../platform/redis.ts';
import { REDACT_PATHS } from '../platform/http/logger.ts';
import { startTracing, type Tracing } from '../platform/telemetry/tracing.ts';
import { startErrorReporting, SEND_TIMEOUT_MS, type ErrorReporter } from '../platform/telemetry/error-reporter.ts';

/** `tracing` and `errors` exist only for the long-running roles, and only when configured. */
export interface Runtime { config: Config; db: Db; redis: RedisClient | undefined; log: Logger; tracing?: Tracing; errors?: ErrorReporter }

export function cliLogger(config: Config, mixin?: LoggerOptions['mixin']): Logger {
  return pino({ level: config.logLevel === 'silent' ? 'silent' : config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, ...(mixin ? { mixin } : {}) });
}

/** `role` (api, worker, api+worker): start tracing and error reporting for a serving process. */
export async function openRuntime(config: Config, opts: { role?: string } = {}): Promise<Runtime> {
  const bootLog = cliLogger(config);
  const tracing = opts.role ? await startTracing(config, bootLog, opts.role) : undefined;
  const log = tracing ? cliLogger(config, tracing.logMixin) : bootLog;
  const errors = opts.role ? startErrorReporting(config, log, opts.role) : undefined;
  const db = connectDatabase(config.db, tracing);
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, log) : undefined;
  return { config, db, redis, log, tracing, errors };
}

export async function closeRuntime(rt: Runtime): Promise<void> {
  await rt.db.destroy();
  if (rt.redis) await rt.redis.quit().catch(() => rt.redis?.disconnect());
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
