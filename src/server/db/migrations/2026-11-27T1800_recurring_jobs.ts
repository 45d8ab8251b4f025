// Scheduled jobs are outbox rows with a due time (issue 11). A recurring job's next occurrence is
// enqueued with a dedupe key ('<topic>@<run_at>'); the unique index makes "schedule it unless it
// already is" one atomic insert, so two workers starting at once, or a job re-run after a crash,
// schedule it once. Ordinary jobs leave the key null, which every dialect allows many times.
import type { DbClient } from '../../config.ts';
import { binaryText, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('dedupe_key', binaryText(client, 120)).execute();
  await db.schema.createIndex('outbox_dedupe_key_uq').on('outbox').column('dedupe_key').unique().execute();
  // The retention clean-up deletes by age in bounded batches; each batch finds its edge by index.
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns(columns).execute();
}

const INDEXES: [string, string, string[]][] = [
  ['outbox_status_processed_idx', 'outbox', ['status', 'processed_at']],
  ['refresh_tokens_expires_idx', 'refresh_tokens', ['expires_at']],
  ['auth_challenges_expires_idx', 'auth_challenges', ['expires_at']],
  ['idempotency_keys_created_idx', 'idempotency_keys', ['created_at']],
];

export async function down(db: MigrationDb, client: DbClient): Promise<void> {
  for (const [name, table] of [...INDEXES, ['outbox_dedupe_key_uq', 'outbox']]) {
    const drop = db.schema.dropIndex(name as string);
    await (client === 'mysql' ? drop.on(table as string) : drop).execute(); // only MySQL names the table
  }
  await db.schema.alterTable('outbox').dropColumn('dedupe_key').execute();
}
