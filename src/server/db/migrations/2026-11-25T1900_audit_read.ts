// The audit log is read newest first within a facility (keyset on seq), so an index on
// (facility_id, seq) answers a page by walking the index backwards instead of sorting the
// facility's whole history.
import type { DbClient } from '../../config.ts';
import type { MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.createIndex('audit_events_facility_seq_idx').on('audit_events').columns(['facility_id', 'seq']).execute();
}

export async function down(db: MigrationDb, client: DbClient): Promise<void> {
  const drop = db.schema.dropIndex('audit_events_facility_seq_idx');
  await (client === 'mysql' ? drop.on('audit_events') : drop).execute(); // only MySQL names the table
}
