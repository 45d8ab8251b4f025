// Scheduling: working-hour templates (facility default and per provider), exceptions by date,
// appointments with their append-only history, and one lock row per provider that serializes
// bookings so a provider is never double-booked. patient_id is indexed, not a foreign key: the
// patients table belongs to another module whose migration may land in either order.
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, makeAppendOnly, dropAppendOnly, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  const id = binaryText(client, 36);
  const ts = 'varchar(30)';
  const indexedTs = binaryText(client, 30);

  await createTable(db, client, 'facility_working_hours')
    .addColumn('facility_id', id, (c) => c.primaryKey().references('facilities.id'))
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('updated_by', id)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await createTable(db, client, 'provider_working_hours')
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('provider_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('updated_by', id)
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('provider_working_hours_pk', ['facility_id', 'provider_id'])
    .execute();

  await createTable(db, client, 'provider_schedule_exceptions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('provider_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('date', binaryText(client, 10), (c) => c.notNull())
    .addColumn('hours', 'text')
    .addColumn('reason', 'varchar(500)')
    .addColumn('created_by', id)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('provider_schedule_exceptions_uq', ['facility_id', 'provider_id', 'date'])
    .execute();

  await createTable(db, client, 'provider_schedule_locks')
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('provider_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('provider_schedule_locks_pk', ['facility_id', 'provider_id'])
    .execute();

  await createTable(db, client, 'appointments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('patient_id', id, (c) => c.notNull())
    .addColumn('provider_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', binaryText(client, 16), (c) => c.notNull())
    .addColumn('starts_at', indexedTs, (c) => c.notNull())
    .addColumn('ends_at', indexedTs, (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('cancel_reason', 'varchar(500)')
    .addColumn('checked_in_at', indexedTs)
    .addColumn('started_at', ts)
    .addColumn('completed_at', ts)
    .addColumn('cancelled_at', ts)
    .addColumn('created_by', id)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // The day list (busiest screen), a provider's day (overlap checks, slots), a patient's
  // appointments (merge, patient filter) and the walk-in queue.
  await db.schema.createIndex('appointments_facility_start_idx').on('appointments').columns(['facility_id', 'starts_at', 'status']).execute();
  await db.schema.createIndex('appointments_provider_start_idx').on('appointments').columns(['facility_id', 'provider_id', 'starts_at']).execute();
  await db.schema.createIndex('appointments_patient_idx').on('appointments').columns(['patient_id', 'starts_at']).execute();
  await db.schema.createIndex('appointments_queue_idx').on('appointments').columns(['facility_id', 'status', 'checked_in_at']).execute();

  await createTable(db, client, 'appointment_events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('appointment_id', id, (c) => c.notNull().references('appointments.id'))
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)')
    .addColumn('old_values', 'text')
    .addColumn('new_values', 'text')
    .addColumn('reason', 'varchar(500)')
    .addColumn('actor_id', id)
    .addColumn('occurred_at', indexedTs, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointment_events_appointment_idx').on('appointment_events').columns(['appointment_id', 'occurred_at']).execute();
  await makeAppendOnly(db, client, 'appointment_events');
}

export async function down(db: MigrationDb, client: DbClient): Promise<void> {
  await dropAppendOnly(db, client, 'appointment_events');
  await db.schema.dropTable('appointment_events').execute();
  await db.schema.dropTable('appointments').execute();
  await db.schema.dropTable('provider_schedule_locks').execute();
  await db.schema.dropTable('provider_schedule_exceptions').execute();
  await db.schema.dropTable('provider_working_hours').execute();
  await db.schema.dropTable('facility_working_hours').execute();
}
