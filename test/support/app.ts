// Starts the real app on a fresh database of one dialect, the way `nilecare serve` would.
import { describe } from 'node:test';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseConfig, type Config } from '../../src/server/config.ts';
import { connectDatabase, type Db } from '../../src/server/db/connect.ts';
import { migrateUp } from '../../src/server/db/migrate.ts';
import { buildApp } from '../../src/server/app.ts';
import { connectRedis, type RedisClient } from '../../src/server/platform/redis.ts';
import { configuredDialects, testRedisUrl, type TestDialect } from './dialects.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export const TEST_SECRETS: Record<string, string> = {
  JWT_SECRET: randomBytes(48).toString('base64url'),
  JWT_REFRESH_SECRET: randomBytes(48).toString('base64url'),
  PHI_ENCRYPTION_KEYS: `t1:${randomBytes(32).toString('base64')}`,
  PHI_INDEX_KEY: randomBytes(32).toString('base64'),
};

export interface TestEnv { config: Config; db: Db; redis?: RedisClient; database: TestDatabase; close(): Promise<void> }

/** A migrated database and the config that points at it; no HTTP server. */
export interface TestEnvOptions {
  redis?: boolean;
  /** Rewrites the server database's URL the app is given (to point it at a proxy, say). */
  databaseUrl?: (url: string) => string;
}

export async function startTestEnv(dialect: TestDialect, env: Record<string, string> = {}, opts: TestEnvOptions = {}): Promise<TestEnv> {
  const database = await createTestDatabase(dialect);
  const url = database.env.DATABASE_URL;
  const dbEnv = url && opts.databaseUrl ? { ...database.env, DATABASE_URL: opts.databaseUrl(url) } : database.env;
  const redisUrl = opts.redis ? testRedisUrl() : undefined;
  // Every injected request comes from 127.0.0.1, and with Redis that address's counter is shared by
  // all test files and runs for RATE_LIMIT_WINDOW; only the rate-limit tests ask for a real limit.
  // A loaded test machine can take longer than the production REDIS_TIMEOUT to answer, which would
  // open the circuit in tests that are not about it; the fault tests set their own.
  const config = parseConfig({ NODE_ENV: 'test', ...TEST_SECRETS, RATE_LIMIT_MAX: '1000000', REDIS_TIMEOUT: '2s', ...dbEnv, ...(redisUrl ? { REDIS_URL: redisUrl } : {}), ...env });
  const db = connectDatabase(config.db);
  try {
    await migrateUp(db);
  } catch (error) {
    // A failed migration must fail the file, not leave its pool open and the run waiting forever.
    await db.destroy().catch(() => undefined);
    await database.drop().catch(() => undefined);
    throw error;
  }
  const redis = redisUrl ? await connectRedis(redisUrl) : undefined;
  return {
    config, db, redis, database,
    async close() {
      await db.destroy();
      await redis?.quit();
      await database.drop();
    },
  };
}

export interface TestApp extends TestEnv { app: FastifyInstance }

export async function startTestApp(dialect: TestDialect, env: Record<string, string> = {}, opts: TestEnvOptions & { beforeReady?: (app: FastifyInstance) => void } = {}): Promise<TestApp> {
  const testEnv = await startTestEnv(dialect, env, opts);
  const app = await buildApp(testEnv);
  opts.beforeReady?.(app);
  await app.ready();
  return {
    ...testEnv,
    app,
    async close() {
      await app.close();
      await testEnv.close();
    },
  };
}

/** Declares the enclosed tests once per configured database: describe('sqlite'), describe('postgres'), … */
export function eachDialect(fn: (dialect: TestDialect) => void): void {
  for (const dialect of configuredDialects()) describe(dialect.client, () => fn(dialect));
}
