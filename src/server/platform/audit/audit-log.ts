// The audit trail: append-only (database triggers refuse UPDATE and DELETE) and hash-chained —
// each event stores the hash of the one before, so `nilecare audit verify` detects an event that
// was changed or removed by someone who could bypass the triggers.
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { AuditEventTable } from '../platform.tables.ts';
import { uuidv7, nowIso } from '../ids.ts';
import { sha256Hex } from '../crypto.ts';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  action: string;
  outcome?: AuditOutcome;
  actorId?: string | null;
  facilityId?: string | null;
  patientId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown> | null;
  /**
   * The staff member an event without a facility is about — their sign-ins, lockouts, sessions and
   * credentials. Every facility they are a member of when it is recorded also sees it (decision
   * 0011). Not part of the event or its hash: it decides who may read it.
   */
  subjectUserId?: string | null;
}

type Executor = Kysely<Database> | Transaction<Database>;

// Events per group commit: 100 rows × 16 columns stays far below every driver's parameter limit.
const MAX_BATCH = 100;

/** The exact bytes an event's hash covers; changing this breaks verification of old events. */
export function eventHash(e: Omit<AuditEventTable, 'hash'>): string {
  return sha256Hex(JSON.stringify([
    e.seq, e.id, e.occurred_at, e.actor_id, e.action, e.outcome, e.facility_id, e.patient_id,
    e.target_type, e.target_id, e.ip, e.user_agent, e.request_id, e.details, e.prev_hash,
  ]));
}

interface Pending { event: AuditEvent; resolve: () => void; reject: (err: unknown) => void }

export class AuditLog {
  readonly #db: Db;
  #queue: Pending[] = [];
  #flushing: Promise<void> | undefined;

  constructor(db: Db) {
    this.#db = db;
  }

  /**
   * Appends one event. Pass the caller's transaction when the event describes a write, so the
   * event commits (or rolls back) with the data it describes. Without one (reads, denials), events
   * recorded at the same moment share one transaction — a group commit: one head lock and one
   * commit for many events instead of one each, which is what keeps a global chain fast under load.
   * The promise resolves only once the event is committed.
   */
  record(event: AuditEvent, trx?: Transaction<Database>): Promise<void> {
    if (trx) return this.#append(trx, [event]);
    return new Promise((resolve, reject) => {
      this.#queue.push({ event, resolve, reject });
      if (!this.#flushing) this.#flushing = this.#flush();
    });
  }

  // Drains the queue batch by batch; each batch's events are appended in arrival order.
  async #flush(): Promise<void> {
    await Promise.resolve(); // let callers of the same tick join this batch
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      try {
        await this.#db.kysely.transaction().execute((t) => this.#append(t, batch.map((p) => p.event)));
        for (const p of batch) p.resolve();
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    this.#flushing = undefined;
  }

  async #append(trx: Executor, events: AuditEvent[]): Promise<void> {
    let headQuery = trx.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1);
    // The head row lock serializes appends so two events never claim the same predecessor.
    if (this.#db.client !== 'sqlite') headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirstOrThrow();
    let seq = Number(head.seq);
    let prev = head.hash;
    const rows: AuditEventTable[] = events.map((e) => {
      const row: Omit<AuditEventTable, 'hash'> = {
        id: uuidv7(),
        seq: ++seq,
        occurred_at: nowIso(),
        actor_id: e.actorId ?? null,
        action: e.action,
        outcome: e.outcome ?? 'success',
        facility_id: e.facilityId ?? null,
        patient_id: e.patientId ?? null,
        target_type: e.targetType ?? null,
        target_id: e.targetId ?? null,
        ip: e.ip ?? null,
        user_agent: e.userAgent?.slice(0, 512) ?? null,
        request_id: e.requestId ?? null,
        details: e.details ? JSON.stringify(e.details) : null,
        prev_hash: prev,
      };
      prev = eventHash(row);
      return { ...row, hash: prev };
    });
    await trx.insertInto('audit_events').values(rows).execute();
    await trx.updateTable('audit_chain_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
    await this.#linkToFacilities(trx, events, rows);
  }

  // One read of the subjects' memberships and one insert for the whole batch.
  async #linkToFacilities(trx: Executor, events: AuditEvent[], rows: AuditEventTable[]): Promise<void> {
    const subjects = [...new Set(events.map((e) => e.subjectUserId).filter((id): id is string => Boolean(id)))];
    if (subjects.length === 0) return;
    const memberships = await trx.selectFrom('memberships').select(['user_id', 'facility_id']).where('user_id', 'in', subjects).execute();
    const links = events.flatMap((e, i) => memberships
      .filter((m) => m.user_id === e.subjectUserId && m.facility_id !== rows[i]!.facility_id)
      .map((m) => ({ facility_id: m.facility_id, seq: rows[i]!.seq })));
    if (links.length) await trx.insertInto('audit_event_facilities').values(links).execute();
  }
}
