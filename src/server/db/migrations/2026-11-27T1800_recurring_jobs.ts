// Scheduled jobs are outbox rows with a due time (issue 11). A recurring job's next occurrence is
// enqueued with a dedupe key ('<topic>@<run_at>'); the unique index makes "schedule it unless it
// already is" one atomic insert, so two workers starting at once, or a job re-run after a crash,
// schedule it once. Ordinary jobs leave the key null, which every dialect allows many times.
import type { DbClient } from '../../config.ts';
import { binaryText, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('dedupe_key', binaryText(client, 120)).execute();
  await db.schema.createIndex('outbox_dedupe_key_uq').on('outbox').column('dedupe_key').unique().execute();
  // The retention clean-up deletes done rows by age.
  await db.schema.createIndex('outbox_status_processed_idx').on('outbox').columns(['status', 'processed_at']).execute();
}

export async function down(db: MigrationDb, client: DbClient): Promise<void> {
  for (const name of ['outbox_status_processed_idx', 'outbox_dedupe_key_uq']) {
    const drop = db.schema.dropIndex(name);
    await (client === 'mysql' ? drop.on('outbox') : drop).execute(); // only MySQL names the table
  }
  await db.schema.alterTable('outbox').dropColumn('dedupe_key').execute();
}
