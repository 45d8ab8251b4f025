// Jobs are rows written in the same transaction as the data that caused them, so a job exists
// exactly when its cause was committed (transactional outbox).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DbClient } from '../../config.ts';
import { uuidv7, nowIso } from '../ids.ts';

/**
 * `dedupeKey` (with the dialect, `client`): the row is inserted unless one with that key exists —
 * atomically, by the unique index, without an error that would abort the caller's transaction.
 */
export interface EnqueueOptions { runAt?: Date; maxAttempts?: number; dedupe?: { key: string; client: DbClient } }

type Target = Kysely<Database> | Transaction<Database>;

/** The new job's id, or null when `dedupe` found the job already scheduled. */
export async function enqueue(db: Target, topic: string, payload: unknown, opts?: Omit<EnqueueOptions, 'dedupe'>): Promise<string>;
export async function enqueue(db: Target, topic: string, payload: unknown, opts: EnqueueOptions): Promise<string | null>;
export async function enqueue(db: Target, topic: string, payload: unknown, opts: EnqueueOptions = {}): Promise<string | null> {
  const id = uuidv7();
  const now = nowIso();
  const insert = db.insertInto('outbox').values({
    id,
    topic,
    payload: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    max_attempts: opts.maxAttempts ?? 8,
    run_at: opts.runAt?.toISOString() ?? now,
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: now,
    processed_at: null,
    dedupe_key: opts.dedupe?.key ?? null,
  });
  if (!opts.dedupe) {
    await insert.execute();
    return id;
  }
  const res = await (opts.dedupe.client === 'mysql' ? insert.ignore() : insert.onConflict((oc) => oc.column('dedupe_key').doNothing())).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1 ? id : null;
}
