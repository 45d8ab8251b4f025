// Reads of the audit log. The scope is a required argument, so no query can forget the facility.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';
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

type Prefix = (prefix: string) => Expression<SqlBool>;

// substr equality rather than LIKE: '_' in action names is a LIKE wildcard, and SQLite's LIKE ignores case.
const substrPrefix: Prefix = (prefix) => sql<SqlBool>`substr(e.action, 1, ${prefix.length}) = ${prefix}`;

/**
 * The same test as LIKE, for the linked events on the server databases (case-sensitive there:
 * MySQL's columns are binary). PostgreSQL estimates LIKE from the column's statistics but knows
 * nothing of substr(): it guesses that a prefix matches almost no event, and then hashes the whole
 * log instead of walking the links' index. (For a facility's own events the guess does no harm.)
 */
const likePrefix: Prefix = (prefix) => sql<SqlBool>`e.action like ${`${prefix.replace(/[!%_]/g, (ch) => `!${ch}`)}%`} escape '!'`;

// The filter as conditions on the event, aliased `e` in every query below.
function conditions(f: AuditFilter, prefixed: Prefix): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [];
  if (f.actorId) c.push(sql<SqlBool>`e.actor_id = ${f.actorId}`);
  if (f.patientId) c.push(sql<SqlBool>`e.patient_id = ${f.patientId}`);
  if (f.outcome) c.push(sql<SqlBool>`e.outcome = ${f.outcome}`);
  if (f.from) c.push(sql<SqlBool>`e.occurred_at >= ${f.from}`);
  if (f.to) c.push(sql<SqlBool>`e.occurred_at < ${f.to}`);
  if (f.beforeSeq !== undefined) c.push(sql<SqlBool>`e.seq < ${f.beforeSeq}`);
  if (f.action && 'exact' in f.action) c.push(sql<SqlBool>`e.action = ${f.action.exact}`);
  if (f.action && 'prefix' in f.action) c.push(prefixed(f.action.prefix));
  return c;
}

const toRow = (r: AuditEventTable): AuditEventTable => ({ ...r, seq: Number(r.seq) });

/**
 * Newest first. A facility sees its own events and those linked to it in audit_event_facilities
 * (its staff's sign-ins and other events that belong to no facility). Each part is one keyset walk
 * down an index — (facility_id, seq) on the events, the primary key of the links — and the two
 * pages are merged here; an event is in at most one of them.
 */
export async function findAuditEvents(db: Db, scope: AuditScope, f: AuditFilter, limit: number): Promise<AuditEventTable[]> {
  const where = conditions(f, substrPrefix);
  const k = db.kysely;
  if (scope === 'all') {
    const rows = await where.reduce((q, c) => q.where(c), k.selectFrom('audit_events as e').selectAll('e')).orderBy('e.seq', 'desc').limit(limit).execute();
    return rows.map(toRow);
  }
  const own = where.reduce((q, c) => q.where(c), k.selectFrom('audit_events as e').selectAll('e').where('e.facility_id', '=', scope.facilityId));
  const linked = conditions(f, db.client === 'sqlite' ? substrPrefix : likePrefix).reduce((q, c) => q.where(c), k.selectFrom('audit_event_facilities as l')
    .innerJoin('audit_events as e', 'e.seq', 'l.seq').selectAll('e').where('l.facility_id', '=', scope.facilityId));
  const [a, b] = await Promise.all([
    own.orderBy('e.seq', 'desc').limit(limit).execute(),
    linked.orderBy('l.seq', 'desc').limit(limit).execute(),
  ]);
  return [...a, ...b].map(toRow).sort((x, y) => y.seq - x.seq).slice(0, limit);
}
