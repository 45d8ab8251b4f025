// Which database errors mean "the database cannot be reached or cannot keep up right now" rather
// than "this request or this code is wrong". Those are answered 503 with Retry-After (a client or a
// load balancer may try again), not 500 — on all three drivers.

/** The code of the error raised when no pooled connection frees up within DB_CONNECT_TIMEOUT. */
export const DB_POOL_TIMEOUT = 'NILECARE_DB_POOL_TIMEOUT';

/** Seconds a client is asked to wait before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Socket-level failures, as Node reports them (pg and mysql2 pass them on).
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

// mysql2 / MySQL / MariaDB error codes.
const MYSQL = new Set([
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'POOL_CLOSED',
  'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'ER_QUERY_INTERRUPTED', 'ER_LOCK_WAIT_TIMEOUT',
  'ER_QUERY_TIMEOUT', 'ER_STATEMENT_TIMEOUT', 'ER_CLIENT_INTERACTION_TIMEOUT',
]);

// PostgreSQL SQLSTATEs: connection exceptions (class 08), shutdown and start-up, too many
// connections, statement_timeout (57014) and lock timeouts.
const POSTGRES = /^(08...|57P0[1-3]|53300|57014|55P03)$/;

// Messages of pg and mysql2 that carry no code.
const MESSAGES = [
  /^Connection terminated/, /timeout exceeded when trying to connect/, /^Query read timeout$/,
  /is not queryable/, /^Can't add new command when connection is in closed state$/,
];

// node:sqlite primary result codes: SQLITE_BUSY (5) and SQLITE_LOCKED (6), when another process
// holds the write lock longer than busy_timeout.
const SQLITE_BUSY_OR_LOCKED = new Set([5, 6]);

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, errcode, message } = e as { code?: unknown; errcode?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK.has(code) || MYSQL.has(code) || POSTGRES.test(code) || code === DB_POOL_TIMEOUT)) return true;
    if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number' && SQLITE_BUSY_OR_LOCKED.has(errcode & 0xff)) return true;
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
  }
  return false;
}
