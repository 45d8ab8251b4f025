// Small, stable building blocks for migrations. Migrations are frozen in time: change these only
// in ways that leave every existing migration's result the same.
import { sql, type Kysely, type CreateTableBuilder } from 'kysely';
import type { DbClient } from '../../config.ts';

export type MigrationDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Text compared byte-wise on every dialect (ids, codes, search keys), so ordering and prefix ranges agree. */
export function binaryText(client: DbClient, length: number) {
  if (client === 'postgres') return sql`varchar(${sql.raw(String(length))}) collate "C"`;
  return sql`varchar(${sql.raw(String(length))})`; // MySQL tables default to utf8mb4_bin below; SQLite is binary
}

/** Starts a table with MySQL given InnoDB, utf8mb4 and binary collation, like the other dialects behave. */
export function createTable(db: MigrationDb, client: DbClient, name: string): CreateTableBuilder<string, never> {
  const builder = db.schema.createTable(name);
  return client === 'mysql' ? builder.modifyEnd(sql`engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin`) : builder;
}

/** Makes a table append-only in the database itself: UPDATE and DELETE raise an error. */
export async function makeAppendOnly(db: MigrationDb, client: DbClient, table: string): Promise<void> {
  const msg = `${table} is append-only`;
  for (const op of ['update', 'delete']) {
    const trigger = `${table}_no_${op}`;
    if (client === 'sqlite') {
      await sql.raw(`create trigger ${trigger} before ${op} on ${table} begin select raise(abort, '${msg}'); end`).execute(db);
    } else if (client === 'mysql') {
      await sql.raw(`create trigger ${trigger} before ${op} on ${table} for each row signal sqlstate '45000' set message_text = '${msg}'`).execute(db);
    } else {
      await sql.raw(`create or replace function ${trigger}() returns trigger language plpgsql as $$ begin raise exception '${msg}'; end $$`).execute(db);
      await sql.raw(`create trigger ${trigger} before ${op} on ${table} for each row execute function ${trigger}()`).execute(db);
    }
  }
}

export async function dropAppendOnly(db: MigrationDb, client: DbClient, table: string): Promise<void> {
  for (const op of ['update', 'delete']) {
    const trigger = `${table}_no_${op}`;
    if (client === 'postgres') {
      await sql.raw(`drop trigger if exists ${trigger} on ${table}`).execute(db);
      await sql.raw(`drop function if exists ${trigger}()`).execute(db);
    } else {
      await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
    }
  }
}
