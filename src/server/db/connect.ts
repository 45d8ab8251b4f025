import { Kysely, PostgresDialect, MysqlDialect, type Dialect } from 'kysely';
import pg from 'pg';
import { createPool, type Pool as MysqlPool } from 'mysql2';
import type { DbConfig, DbClient } from '../config.ts';
import type { Database } from './schema.ts';
import { openSqlite, sqliteDialect } from './sqlite.ts';
import { limitedMysqlPool, type DdlReplay } from './mysql-pool.ts';
import type { Tracing } from '../platform/telemetry/tracing.ts';
import { tracedDialect } from '../platform/telemetry/db-spans.ts';

export interface PoolStats { size: number; idle: number; waiting: number; max: number }

export interface Db {
  kysely: Kysely<Database>;
  client: DbClient;
  poolStats(): PoolStats;
  destroy(): Promise<void>;
  /** MySQL only: the migrator's switch for resuming an interrupted migration (see mysql-pool.ts). */
  ddlReplay?: DdlReplay;
}

// BIGINT counts and sums come back from pg as strings; every value we store fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * Every wait on the database is bounded: for a connection (DB_CONNECT_TIMEOUT, also SQLite's wait
 * for the write lock) and, unless `statementTimeout` is false (migrations and other admin work
 * that may rightly run long), for a statement (DB_STATEMENT_TIMEOUT on the server, and a little
 * longer on the client in case the server cannot even answer). With `tracing`, each statement run
 * inside a request or job span gets a span of its own.
 */
export function connectDatabase(config: DbConfig, opts: { statementTimeout?: boolean; tracing?: Tracing } = {}): Db {
  const ddlReplay = config.client === 'mysql' ? { active: false } : undefined;
  const { dialect, poolStats } = makeDialect(config, opts.statementTimeout ?? true, ddlReplay);
  const kysely = new Kysely<Database>({ dialect: opts.tracing ? tracedDialect(dialect, opts.tracing, config.client) : dialect });
  return { kysely, client: config.client, poolStats, destroy: () => kysely.destroy(), ddlReplay };
}

function makeDialect(config: DbConfig, statementTimeout: boolean, ddlReplay = { active: false }): { dialect: Dialect; poolStats: () => PoolStats } {
  const statementMs = statementTimeout ? config.statementTimeoutMs : undefined;
  const clientMs = statementMs && statementMs + config.connectTimeoutMs;
  if (config.client === 'sqlite') {
    const db = openSqlite(config.sqliteFile, config.connectTimeoutMs);
    return { dialect: sqliteDialect(db), poolStats: () => ({ size: 1, idle: 1, waiting: 0, max: 1 }) };
  }
  if (config.client === 'postgres') {
    const pool = new pg.Pool({
      ...(config.url ? { connectionString: config.url } : { host: config.host, port: config.port, database: config.name, user: config.user, password: config.password }),
      ssl: config.ssl ? { rejectUnauthorized: true } : undefined,
      min: config.poolMin,
      max: config.poolMax,
      connectionTimeoutMillis: config.connectTimeoutMs, // connecting, and waiting for a free client
      ...(statementMs ? { statement_timeout: statementMs, query_timeout: clientMs } : {}),
      keepAlive: true,
    });
    // An idle client that errors (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    return {
      dialect: new PostgresDialect({ pool }),
      poolStats: () => ({ size: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: config.poolMax }),
    };
  }
  const pool = createPool({
    ...(config.url ? { uri: config.url } : { host: config.host, port: config.port, database: config.name, user: config.user, password: config.password }),
    ssl: config.ssl ? { rejectUnauthorized: true } : undefined,
    connectionLimit: config.poolMax,
    maxIdle: Math.max(config.poolMin, 1),
    charset: 'utf8mb4_bin',
    timezone: 'Z',
    dateStrings: true,
    supportBigNumbers: true,
    connectTimeout: config.connectTimeoutMs,
    enableKeepAlive: true,
  });
  const limited = limitedMysqlPool(pool, { acquireTimeoutMs: config.connectTimeoutMs, queryTimeoutMs: clientMs, statementTimeoutMs: statementMs }, ddlReplay);
  return { dialect: new MysqlDialect({ pool: limited }), poolStats: () => mysqlPoolStats(pool, config.poolMax) };
}

// mysql2 exposes no public pool counters; these internals have been stable across v2 and v3.
function mysqlPoolStats(pool: MysqlPool, max: number): PoolStats {
  const p = pool as unknown as { _allConnections?: { length: number }; _freeConnections?: { length: number }; _connectionQueue?: { length: number } };
  return { size: p._allConnections?.length ?? 0, idle: p._freeConnections?.length ?? 0, waiting: p._connectionQueue?.length ?? 0, max };
}
