import type { Db } from '../../db/connect.ts';
import { nowIso } from '../ids.ts';

/** A worker is "alive" if it beat within this window; /health/notification reads it. */
export const HEARTBEAT_FRESH_MS = 30_000;

export async function beat(db: Db, workerId: string): Promise<void> {
  const now = nowIso();
  const updated = await db.kysely.updateTable('worker_heartbeats').set({ beat_at: now }).where('worker_id', '=', workerId).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db.kysely.insertInto('worker_heartbeats').values({ worker_id: workerId, started_at: now, beat_at: now }).execute();
  }
}

export async function workerAlive(db: Db): Promise<void> {
  const since = new Date(Date.now() - HEARTBEAT_FRESH_MS).toISOString();
  const row = await db.kysely.selectFrom('worker_heartbeats').select('worker_id').where('beat_at', '>=', since).limit(1).executeTakeFirst();
  if (!row) throw new Error(`no worker has reported in the last ${HEARTBEAT_FRESH_MS / 1000}s; start one with "nilecare worker"`);
}

/**
 * Throws when the oldest due pending job has waited longer than `maxAgeMs`: workers are alive but
 * not keeping up (or a job type blocks them), and reminders are going out late.
 */
export async function queueFresh(db: Db, maxAgeMs: number): Promise<void> {
  const row = await db.kysely.selectFrom('outbox').select((eb) => eb.fn.min('run_at').as('oldest'))
    .where('status', '=', 'pending').where('run_at', '<=', nowIso()).executeTakeFirst();
  if (!row?.oldest) return;
  const ageMs = Date.now() - Date.parse(String(row.oldest));
  if (ageMs > maxAgeMs) throw new Error(`the oldest due outbox job has waited ${Math.round(ageMs / 1000)}s, more than NOTIFICATION_QUEUE_MAX_AGE (${Math.round(maxAgeMs / 1000)}s)`);
}
