// What an attacker with database rights could do to the audit log: drop the append-only triggers
// (raw SQL per dialect, as they would), then change or delete events behind the app's back.
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/connect.ts';

export async function dropAuditTriggers(db: Db): Promise<void> {
  for (const trigger of ['audit_events_no_update', 'audit_events_no_delete']) {
    const statement = db.client === 'postgres' ? `drop trigger ${trigger} on audit_events` : `drop trigger ${trigger}`;
    await sql.raw(statement).execute(db.kysely);
  }
}

export async function rewriteAction(db: Db, seq: number, action: string): Promise<void> {
  await sql`update audit_events set action = ${action} where seq = ${seq}`.execute(db.kysely);
}

export async function deleteEvent(db: Db, seq: number): Promise<void> {
  await sql`delete from audit_events where seq = ${seq}`.execute(db.kysely);
}
