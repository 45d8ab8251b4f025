// Data-retention clean-up (issue 11): a daily recurring outbox job (02:30 UTC, a quiet hour in
// Sudan) that deletes what has outlived its use, in bounded batches. It never touches audit events
// (append-only, the legal record) or money rows (payments, invoices, credit notes).
import type { Db } from '../db/connect.ts';
import { deleteOlderThan } from '../db/delete-in-batches.ts';
import { dailyAtUtc, type RecurringJob } from '../platform/outbox/recurring.ts';
import { purgeExpiredAuthRecords } from './auth/index.ts';
import type { Logger } from 'pino';

export const RETENTION_TOPIC = 'maintenance.retention';
const DAY_MS = 86_400_000;
/**
 * Idempotency-Key rows: a client retries a payment within minutes, not weeks (decision 0025 only
 * needs the row while a retry can come). Past 30 days a reused key would be a new request — and
 * it still could not overpay, as every payment is checked under the invoice lock against what is due.
 */
export const IDEMPOTENCY_KEY_RETENTION_DAYS = 30;

export interface RetentionResult { authRecords: number; outboxRows: number; idempotencyKeys: number }

/** `outboxDays`: OUTBOX_RETENTION_DAYS. Only 'done' outbox rows go; dead ('failed') ones stay for operators. */
export async function runRetention(db: Db, outboxDays: number, now = Date.now(), batch?: number): Promise<RetentionResult> {
  const k = db.kysely;
  const ago = (days: number) => new Date(now - days * DAY_MS).toISOString();
  return {
    authRecords: await purgeExpiredAuthRecords(k, now, batch),
    outboxRows: await deleteOlderThan(k, 'outbox', 'processed_at', ago(outboxDays), { batch, where: (eb) => eb('status', '=', 'done') }),
    idempotencyKeys: await deleteOlderThan(k, 'idempotency_keys', 'created_at', ago(IDEMPOTENCY_KEY_RETENTION_DAYS), { batch }),
  };
}

export function retentionJob(db: Db, outboxDays: number, log: Logger): RecurringJob {
  return {
    topic: RETENTION_TOPIC,
    next: dailyAtUtc(2, 30),
    run: async (due) => {
      const deleted = await runRetention(db, outboxDays);
      log.info({ due: due.toISOString(), deleted }, 'data-retention clean-up done');
    },
  };
}
