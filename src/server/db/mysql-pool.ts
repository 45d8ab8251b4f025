// mysql2's pool, with the limits it lacks: waiting for a free connection is bounded (mysql2 waits
// forever, so a hung server stalled every request), each query has a client-side timeout (a
// server that stops answering mid-query), and a connection whose query timed out is destroyed
// rather than handed to the next request with the old query still pending on it.
//
// It also carries the replay switch of the migrator (db/migrate.ts): MySQL commits each DDL
// statement on its own, so an interrupted migration is resumed by running it again with the
// errors that only say "this was already done" skipped.
import type { Pool, PoolConnection, QueryValues } from 'mysql2';
import type { MysqlPool, MysqlPoolConnection } from 'kysely';
import { DB_POOL_TIMEOUT } from './unavailable.ts';

export interface MysqlLimits { acquireTimeoutMs: number; queryTimeoutMs?: number; statementTimeoutMs?: number }

/** While `active`, a statement whose effect is already there counts as done. */
export interface DdlReplay { active: boolean }

// Table, column, index, key, trigger, routine or row already there; or already gone, for a drop.
const ALREADY_DONE = new Set([
  'ER_TABLE_EXISTS_ERROR', 'ER_DUP_FIELDNAME', 'ER_DUP_KEYNAME', 'ER_MULTIPLE_PRI_KEY', 'ER_FK_DUP_NAME',
  'ER_TRG_ALREADY_EXISTS', 'ER_SP_ALREADY_EXISTS', 'ER_DUP_ENTRY',
  'ER_BAD_TABLE_ERROR', 'ER_CANT_DROP_FIELD_OR_KEY', 'ER_TRG_DOES_NOT_EXIST', 'ER_SP_DOES_NOT_EXIST',
]);

export function limitedMysqlPool(pool: Pool, limits: MysqlLimits, replay: DdlReplay): MysqlPool {
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
        else callback(null, guarded(conn, limits.queryTimeoutMs, replay));
      });
    },
    end: (callback) => pool.end(callback),
  };
}

function guarded(conn: PoolConnection, timeoutMs: number | undefined, replay: DdlReplay): MysqlPoolConnection {
  let broken = false;
  return new Proxy(conn, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return (sql: string, values: QueryValues, cb?: (err: unknown, result: unknown) => void) =>
          target.query({ sql, ...(timeoutMs ? { timeout: timeoutMs } : {}) }, values, (err: unknown, result: unknown) => {
            const code = (err as { code?: string } | null)?.code;
            if (code === 'PROTOCOL_SEQUENCE_TIMEOUT') broken = true;
            if (replay.active && code && ALREADY_DONE.has(code)) return cb?.(null, { affectedRows: 0, insertId: 0 });
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
