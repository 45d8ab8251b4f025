// Adapts Node's built-in node:sqlite to the better-sqlite3 shape Kysely's SqliteDialect expects,
// so the embedded database needs no native add-on.
import { DatabaseSync, type StatementSync, type SQLInputValue } from 'node:sqlite';
import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';

class Statement {
  readonly reader: boolean;
  readonly #stmt: StatementSync;
  constructor(stmt: StatementSync) {
    this.#stmt = stmt;
    this.reader = stmt.columns().length > 0;
  }
  all(params: readonly unknown[]) {
    return this.#stmt.all(...(params as SQLInputValue[]));
  }
  run(params: readonly unknown[]) {
    return this.#stmt.run(...(params as SQLInputValue[]));
  }
  iterate(params: readonly unknown[]) {
    return this.#stmt.iterate(...(params as SQLInputValue[]));
  }
}

export function openSqlite(file: string, busyTimeoutMs = 5000): DatabaseSync {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  // WAL lets readers run beside the writer; FULL sync because a lost clinical write is worse than a
  // slow one. Another process holding the write lock (a backup, the sqlite3 shell) is waited for
  // this long, then the request answers 503 (SQLITE_BUSY).
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${Math.round(busyTimeoutMs)};`);
  return db;
}

// Preparing a statement costs about as much as running a simple one; the app issues a bounded set
// of distinct SQL strings, so prepared statements are kept and reused.
const STATEMENT_CACHE_SIZE = 500;

// SQLite runs DDL inside transactions, but Kysely's adapter does not say so, and its migrator then
// runs a migration statement by statement: a process killed midway left a half-made schema that
// could never be migrated again ("table patients already exists"). Saying so makes the migrator
// wrap each migration, and the row recording it, in one transaction.
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class NodeSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}

export function sqliteDialect(db: DatabaseSync): SqliteDialect {
  const statements = new Map<string, Statement>();
  return new NodeSqliteDialect({
    database: {
      close: () => db.close(),
      prepare: (sql: string) => {
        let stmt = statements.get(sql);
        if (!stmt) {
          stmt = new Statement(db.prepare(sql));
          if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
          statements.set(sql, stmt);
        }
        return stmt;
      },
    },
  });
}
