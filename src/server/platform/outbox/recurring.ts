// Recurring jobs (issue 11) are outbox rows with a due time, so a worker restart loses none and two
// workers never run one twice (the claim). Each occurrence is enqueued with the dedupe key
// '<topic>@<due ISO>'; the unique index makes scheduling it idempotent, so two workers starting at
// once, or an occurrence re-run after a crash, schedule the next one exactly once.
import type { Db } from '../../db/connect.ts';
import { enqueue } from './enqueue.ts';
import type { JobHandler } from './worker.ts';

export interface RecurringJob {
  topic: string;
  /** The first occurrence strictly after `from`. */
  next(from: Date): Date;
  /** Does the work of the occurrence due at `due`; may run more than once (at-least-once). */
  run(due: Date): Promise<void>;
}

export const occurrenceKey = (topic: string, due: Date) => `${topic}@${due.toISOString()}`;

/** Enqueues the occurrence after `from` unless it already is; true when this call scheduled it. */
export async function scheduleNext(db: Db, job: RecurringJob, from: Date): Promise<boolean> {
  const due = job.next(from);
  const id = await enqueue(db.kysely, job.topic, { due: due.toISOString() }, { runAt: due, dedupe: { key: occurrenceKey(job.topic, due), client: db.client } });
  return id !== null;
}

/** At worker start: each job's next occurrence is scheduled (once, however many workers start). */
export async function ensureRecurring(db: Db, jobs: RecurringJob[], now = new Date()): Promise<void> {
  for (const job of jobs) await scheduleNext(db, job, now);
}

/**
 * The outbox handlers. The next occurrence is scheduled before the work runs, so one that fails
 * for good (dead after its attempts) does not end the series; it comes after both the due time
 * and now, so a worker back after days down runs one catch-up, not one per missed occurrence.
 */
export function recurringHandlers(db: Db, jobs: RecurringJob[], now = () => new Date()): [string, JobHandler][] {
  return jobs.map((job) => [job.topic, async (payload) => {
    const due = new Date((payload as { due: string }).due);
    const from = now();
    await scheduleNext(db, job, from > due ? from : due);
    await job.run(due);
  }]);
}

/** The next time-of-day `hh:mm` UTC strictly after `from`. */
export function dailyAtUtc(hour: number, minute: number): (from: Date) => Date {
  return (from) => {
    const at = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), hour, minute));
    if (at <= from) at.setUTCDate(at.getUTCDate() + 1);
    return at;
  };
}
