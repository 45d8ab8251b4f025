// The platform's own tables: facilities, staff accounts and memberships (so start-up can create
// the first admin), the append-only audit log, and the transactional outbox with worker heartbeats.
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, makeAppendOnly, dropAppendOnly, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  const id = binaryText(client, 36);
  const ts = 'varchar(30)'; // ISO 8601 UTC, e.g. 2026-11-25T15:00:00.000Z: sorts as text on every dialect

  await createTable(db, client, 'facilities')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('code', binaryText(client, 16), (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('state', 'varchar(32)')
    .addColumn('locality', 'varchar(100)')
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await createTable(db, client, 'users')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('email', binaryText(client, 254), (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('phone', 'varchar(20)')
    .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('must_change_password', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await createTable(db, client, 'memberships')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('user_id', id, (c) => c.notNull().references('users.id'))
    .addColumn('facility_id', id, (c) => c.notNull().references('facilities.id'))
    .addColumn('role', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('memberships_user_facility_uq', ['user_id', 'facility_id'])
    .execute();
  await db.schema.createIndex('memberships_facility_idx').on('memberships').columns(['facility_id', 'role']).execute();

  await createTable(db, client, 'audit_events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().unique())
    .addColumn('occurred_at', ts, (c) => c.notNull())
    .addColumn('actor_id', id)
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('facility_id', id)
    .addColumn('patient_id', id)
    .addColumn('target_type', 'varchar(32)')
    .addColumn('target_id', 'varchar(64)')
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(512)')
    .addColumn('request_id', 'varchar(128)')
    .addColumn('details', 'text')
    .addColumn('prev_hash', 'char(64)', (c) => c.notNull())
    .addColumn('hash', 'char(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_facility_time_idx').on('audit_events').columns(['facility_id', 'occurred_at']).execute();
  await db.schema.createIndex('audit_events_patient_idx').on('audit_events').columns(['patient_id', 'occurred_at']).execute();
  await db.schema.createIndex('audit_events_actor_idx').on('audit_events').columns(['actor_id', 'occurred_at']).execute();
  await makeAppendOnly(db, client, 'audit_events');

  await createTable(db, client, 'outbox')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('topic', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', ts, (c) => c.notNull())
    .addColumn('locked_by', 'varchar(64)')
    .addColumn('locked_until', ts)
    .addColumn('last_error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('processed_at', ts)
    .execute();
  await db.schema.createIndex('outbox_status_run_idx').on('outbox').columns(['status', 'run_at']).execute();

  await createTable(db, client, 'worker_heartbeats')
    .addColumn('worker_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('beat_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb, client: DbClient): Promise<void> {
  await db.schema.dropTable('worker_heartbeats').execute();
  await db.schema.dropTable('outbox').execute();
  await dropAppendOnly(db, client, 'audit_events');
  await db.schema.dropTable('audit_events').execute();
  await db.schema.dropTable('memberships').execute();
  await db.schema.dropTable('users').execute();
  await db.schema.dropTable('facilities').execute();
}
