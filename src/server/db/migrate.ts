// Migrations are applied one at a time, each as atomically as its database allows, so a process
// killed midway (kill -9, power loss) leaves a database that the next `migrate up` (or start, on
// SQLite) completes:
// - SQLite and PostgreSQL: each migration and the row that records it commit together in one
//   transaction (DDL is transactional there); an interrupted one is simply not there.
// - MySQL/MariaDB commit every DDL statement on its own, so a migration cannot be atomic. It is
//   journalled as started before it runs; an interrupted one is found in the journal and run again
//   from the start with the errors that only say "already done" skipped (see mysql-pool.ts), so the
//   statements that had run are passed over and the rest are run.
import { sql } from 'kysely';
import { Migrator, type Migration, type MigrationResult } from 'kysely/migration';
import type { Db } from './connect.ts';
import { migrations } from './migrations/index.ts';
import type { MigrationDb } from './migrations/helpers.ts';

export interface MigrationState { name: string; executedAt: Date | null; interrupted: boolean }

/** MySQL: the migrations started and not (yet) recorded as applied. */
const JOURNAL = 'nilecare_migration_journal';

function migrator(db: Db): Migrator {
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(migrations)) {
        out[name] = { up: (k) => (db.ddlReplay ? journalled(db, name, k, () => m.up(k, db.client)) : m.up(k, db.client)), down: (k) => m.down(k, db.client) };
      }
      return out;
    },
  };
  return new Migrator({ db: db.kysely, provider });
}

async function journalled(db: Db, name: string, k: MigrationDb, up: () => Promise<void>): Promise<void> {
  const resuming = Boolean(await k.selectFrom(JOURNAL).select('name').where('name', '=', name).executeTakeFirst());
  if (!resuming) await k.insertInto(JOURNAL).values({ name, started_at: new Date().toISOString() }).execute();
  db.ddlReplay!.active = resuming;
  try {
    await up();
  } finally {
    db.ddlReplay!.active = false;
  }
}

async function ensureJournal(db: Db): Promise<void> {
  if (!db.ddlReplay) return;
  await sql`create table if not exists ${sql.table(JOURNAL)} (name varchar(255) not null primary key, started_at varchar(32) not null)`.execute(db.kysely);
}

/** Journal rows of migrations that have since been recorded as applied (or were reverted) are done. */
async function tidyJournal(db: Db): Promise<void> {
  if (!db.ddlReplay) return;
  await sql`delete from ${sql.table(JOURNAL)} where name in (select name from kysely_migration)`.execute(db.kysely);
}

async function interruptedNames(db: Db): Promise<Set<string>> {
  if (!db.ddlReplay) return new Set();
  const rows = await sql<{ name: string }>`select name from ${sql.table(JOURNAL)}`.execute(db.kysely).catch(() => ({ rows: [] }));
  return new Set(rows.rows.map((r) => r.name));
}

export class MigrationError extends Error {}

function check(results: MigrationResult[] | undefined, error: unknown): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new MigrationError(`migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`);
}

/** Applies every pending migration, one step (one transaction, where there are any) at a time. */
export async function migrateUp(db: Db): Promise<string[]> {
  await ensureJournal(db);
  const m = migrator(db);
  const lines: string[] = [];
  for (;;) {
    const { results, error } = await m.migrateUp();
    lines.push(...check(results, error));
    await tidyJournal(db);
    if (!results?.length) return lines;
  }
}

export async function migrateDown(db: Db): Promise<string[]> {
  const { results, error } = await migrator(db).migrateDown();
  return check(results, error);
}

export async function migrationStatus(db: Db): Promise<MigrationState[]> {
  const [infos, interrupted] = await Promise.all([migrator(db).getMigrations(), interruptedNames(db)]);
  return infos.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null, interrupted: !m.executedAt && interrupted.has(m.name) }));
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  return (await migrationStatus(db)).filter((m) => !m.executedAt).map((m) => m.name);
}
