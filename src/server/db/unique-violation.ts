// A unique index refusing a row looks different on each driver; callers map it to a 409.
const SQLITE_CONSTRAINT_UNIQUE = 2067;
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const PG_UNIQUE_VIOLATION = '23505';
const MYSQL_DUP_ENTRY = 1062;

export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; errcode?: unknown; errno?: unknown };
  return e.errcode === SQLITE_CONSTRAINT_UNIQUE || e.errcode === SQLITE_CONSTRAINT_PRIMARYKEY
    || e.code === PG_UNIQUE_VIOLATION || e.errno === MYSQL_DUP_ENTRY;
}
