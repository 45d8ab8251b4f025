// Which facilities see an audit event that belongs to none: a staff member's sign-ins, failures,
// lockouts and credential changes are shown to the compliance officers of every facility the
// person was a member of when it happened (decision 0011). The audit log itself stays untouched —
// append-only and hash-chained — this table only points at its events, and is append-only too.
import { sql } from 'kysely';
import type { DbClient } from '../../config.ts';
import { binaryText, createTable, dropAppendOnly, makeAppendOnly, type MigrationDb } from './helpers.ts';

export async function up(db: MigrationDb, client: DbClient): Promise<void> {
  // The primary key (facility_id, seq) is the index a facility's page walks backwards.
  await createTable(db, client, 'audit_event_facilities')
    .addColumn('facility_id', binaryText(client, 36), (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_event_facilities_pk', ['facility_id', 'seq'])
    .execute();
  // Events from before this migration: authentication events of a user, linked to the facilities
  // the user belongs to now (the only membership record there is).
  await sql`insert into audit_event_facilities (facility_id, seq)
    select distinct m.facility_id, e.seq from audit_events e join memberships m on m.user_id = e.actor_id
    where e.facility_id is null and substr(e.action, 1, 5) = 'auth.'`.execute(db);
  await makeAppendOnly(db, client, 'audit_event_facilities');
}

export async function down(db: MigrationDb, client: DbClient): Promise<void> {
  await dropAppendOnly(db, client, 'audit_event_facilities');
  await db.schema.dropTable('audit_event_facilities').execute();
}
