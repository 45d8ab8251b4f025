// mysql2's pool, with the limits it lacks: waiting for a free connection is bounded (mysql2 waits
// forever, so a hung server stalled every request), each query has a client-side timeout (a
// server that stops answering mid-query), and a connection whose query timed out is destroyed
// rather than handed to the next request with the old query still pending on it.
import type { Pool, PoolConnection, QueryValues } from 'mysql2';
import type { MysqlPool, MysqlPoolConnection } from 'kysely';
import { DB_POOL_TIMEOUT } from './unavailable.ts';

export interface MysqlLimits { acquireTimeoutMs: number; queryTimeoutMs?: number; statementTimeoutMs?: number }

export function limitedMysqlPool(pool: Pool, limits: MysqlLimits): MysqlPool {
  if (limits.statementTimeoutMs) setStatementTimeout(pool, limits.statementTimeoutMs);
  return {
    getConnection(callback) {
      let answered = false;
      const timer = setTimeout(() => {
        answered = true;
        callback(Object.assign(new Error(`no database connection became free within ${limits.acquireTimeoutMs} ms`), { code: DB_POOL_TIMEOUT }), undefined as never);
      }, limits.acquireTimeoutMs);
      pool.getConnection((err, conn) => {
        if (answered) {
          if (!err) conn.release();
          return;
        }
        answered = true;
        clearTimeout(timer);
        if (err) callback(err, undefined as never);
        else callback(null, withQueryTimeout(conn, limits.queryTimeoutMs));
      });
    },
    end: (callback) => pool.end(callback),
  };
}

function withQueryTimeout(conn: PoolConnection, timeoutMs: number | undefined): MysqlPoolConnection {
  if (!timeoutMs) return conn as unknown as MysqlPoolConnection;
  let broken = false;
  return new Proxy(conn, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return (sql: string, values: QueryValues, cb?: (err: unknown, result: unknown) => void) =>
          target.query({ sql, timeout: timeoutMs }, values, (err: unknown, result: unknown) => {
            if ((err as { code?: string } | null)?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') broken = true;
            cb?.(err, result);
          });
      }
      if (prop === 'release') return () => (broken ? target.destroy() : target.release());
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as MysqlPoolConnection;
}

// MariaDB calls it max_statement_time (seconds), MySQL max_execution_time (ms, SELECT only). The
// SET is queued on the new connection ahead of its first query.
function setStatementTimeout(pool: Pool, ms: number): void {
  pool.on('connection', (conn) => {
    conn.query(`set session max_statement_time = ${ms / 1000}`, (err) => {
      if (err) conn.query(`set session max_execution_time = ${Math.round(ms)}`, () => {});
    });
  });
}
