// Reads of the audit log. The scope is a required argument, so no query can forget the facility.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditEventTable } from '../../platform/platform.tables.ts';

/** A facility id, or 'all' — which only a super admin's request may pass (checked by the caller). */
export type AuditScope = { facilityId: string } | 'all';

export interface AuditFilter {
  actorId?: string;
  patientId?: string;
  action?: { exact: string } | { prefix: string };
  outcome?: string;
  /** ISO UTC, inclusive */
  from?: string;
  /** ISO UTC, exclusive */
  to?: string;
  /** Keyset: only events older than this seq (newest first). */
  beforeSeq?: number;
}

export async function findAuditEvents(db: Kysely<Database>, scope: AuditScope, f: AuditFilter, limit: number): Promise<AuditEventTable[]> {
  let q = db.selectFrom('audit_events').selectAll();
  if (scope !== 'all') q = q.where('facility_id', '=', scope.facilityId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.patientId) q = q.where('patient_id', '=', f.patientId);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.from) q = q.where('occurred_at', '>=', f.from);
  if (f.to) q = q.where('occurred_at', '<', f.to);
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  if (f.action && 'exact' in f.action) q = q.where('action', '=', f.action.exact);
  if (f.action && 'prefix' in f.action) {
    // substr equality rather than LIKE: '_' in action names is a LIKE wildcard, and SQLite's LIKE ignores case.
    const prefix = f.action.prefix;
    q = q.where((eb) => eb(eb.fn<string>('substr', ['action', eb.val(1), eb.val(prefix.length)]), '=', prefix));
  }
  const rows = await q.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
