// Jobs are rows written in the same transaction as the data that caused them, so a job exists
// exactly when its cause was committed (transactional outbox).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { uuidv7, nowIso } from '../ids.ts';

export interface EnqueueOptions { runAt?: Date; maxAttempts?: number }

export async function enqueue(db: Kysely<Database> | Transaction<Database>, topic: string, payload: unknown, opts: EnqueueOptions = {}): Promise<string> {
  const id = uuidv7();
  const now = nowIso();
  await db.insertInto('outbox').values({
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
  }).execute();
  return id;
}
