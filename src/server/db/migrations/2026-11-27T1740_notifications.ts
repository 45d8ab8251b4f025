// Notifications: the delivery log (one row per message and channel, masked recipient, status and
// attempts), each facility's reminder settings, and patients' contact preferences.
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  const id = binaryText(client, 36);
  const ts = binaryText(client, 30);

  await createTable(db, client, 'notification_deliveries')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('event', binaryText(client, 64), (c) => c.notNull())
    .addColumn('channel', binaryText(client, 8), (c) => c.notNull())
    .addColumn('recipient', 'varchar(200)', (c) => c.notNull())
    .addColumn('subject_ref', binaryText(client, 100))
    .addColumn('language', binaryText(client, 2), (c) => c.notNull())
    .addColumn('status', binaryText(client, 16), (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'varchar(2000)')
    .addColumn('provider_message_id', 'varchar(200)')
    .addColumn('outbox_id', id)
    .addColumn('dedupe_key', binaryText(client, 200))
    .addColumn('send_at', ts, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    // NULL keys never collide on any of the three databases, so only keyed messages are deduplicated.
    .addUniqueConstraint('notification_deliveries_dedupe_uq', ['facility_id', 'dedupe_key', 'channel'])
    .execute();
  // The log's list (newest first, keyset on created_at, id) and the reminder supersede lookup.
  await db.schema.createIndex('notification_deliveries_list_idx').on('notification_deliveries').columns(['facility_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('notification_deliveries_ref_idx').on('notification_deliveries').columns(['facility_id', 'subject_ref', 'status']).execute();

  await createTable(db, client, 'notification_settings')
    .addColumn('facility_id', id, (c) => c.primaryKey().references('facilities.id'))
    .addColumn('reminder_lead_minutes', 'integer', (c) => c.notNull())
    .addColumn('email_enabled', 'integer', (c) => c.notNull())
    .addColumn('sms_enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_by', id, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await createTable(db, client, 'patient_contact_preferences')
    .addColumn('patient_id', id, (c) => c.primaryKey().references('patients.id'))
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('email', 'varchar(254)')
    .addColumn('sms_opt_out', 'integer', (c) => c.notNull())
    .addColumn('email_opt_out', 'integer', (c) => c.notNull())
    .addColumn('language', binaryText(client, 2))
    .addColumn('updated_by', id, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('patient_contact_preferences').execute();
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('notification_deliveries').execute();
}
