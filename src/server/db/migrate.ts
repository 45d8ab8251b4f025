import { Migrator, type Migration, type MigrationResult } from 'kysely/migration';
import type { Db } from './connect.ts';
import { migrations } from './migrations/index.ts';

export interface MigrationState { name: string; executedAt: Date | null }

function migrator(db: Db): Migrator {
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(migrations)) {
        out[name] = { up: (k) => m.up(k, db.client), down: (k) => m.down(k, db.client) };
      }
      return out;
    },
  };
  return new Migrator({ db: db.kysely, provider });
}

export class MigrationError extends Error {}

function check(results: MigrationResult[] | undefined, error: unknown): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new MigrationError(`migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`);
}

export async function migrateUp(db: Db): Promise<string[]> {
  const { results, error } = await migrator(db).migrateToLatest();
  return check(results, error);
}

export async function migrateDown(db: Db): Promise<string[]> {
  const { results, error } = await migrator(db).migrateDown();
  return check(results, error);
}

export async function migrationStatus(db: Db): Promise<MigrationState[]> {
  const infos = await migrator(db).getMigrations();
  return infos.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  return (await migrationStatus(db)).filter((m) => !m.executedAt).map((m) => m.name);
}
