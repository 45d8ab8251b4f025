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
}

type Executor = Kysely<Database> | Transaction<Database>;

/** The exact bytes an event's hash covers; changing this breaks verification of old events. */
export function eventHash(e: Omit<AuditEventTable, 'hash'>): string {
  return sha256Hex(JSON.stringify([
    e.seq, e.id, e.occurred_at, e.actor_id, e.action, e.outcome, e.facility_id, e.patient_id,
    e.target_type, e.target_id, e.ip, e.user_agent, e.request_id, e.details, e.prev_hash,
  ]));
}

export class AuditLog {
  readonly #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  /**
   * Appends one event. Pass the caller's transaction when the event describes a write, so the
   * event commits (or rolls back) with the data it describes.
   */
  async record(event: AuditEvent, trx?: Transaction<Database>): Promise<void> {
    if (trx) return this.#append(trx, event);
    await this.#db.kysely.transaction().execute((t) => this.#append(t, event));
  }

  async #append(trx: Executor, e: AuditEvent): Promise<void> {
    let headQuery = trx.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1);
    // The head row lock serializes appends so two events never claim the same predecessor.
    if (this.#db.client !== 'sqlite') headQuery = headQuery.forUpdate();
    const head = await headQuery.executeTakeFirstOrThrow();
    const row: Omit<AuditEventTable, 'hash'> = {
      id: uuidv7(),
      seq: Number(head.seq) + 1,
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
      prev_hash: head.hash,
    };
    const hash = eventHash(row);
    await trx.insertInto('audit_events').values({ ...row, hash }).execute();
    await trx.updateTable('audit_chain_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
  }
}
