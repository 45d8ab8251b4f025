// What operations watch on the worker: jobs by topic and outcome, how many due jobs wait, and how
// long the oldest of them has waited (a stuck or missing worker shows as a growing age).
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Db } from '../../db/connect.ts';
import { nowIso } from '../ids.ts';

export type JobOutcome = 'done' | 'retry' | 'failed';

export function outboxMetrics(registry: Registry, db: Db): (topic: string, outcome: JobOutcome) => void {
  const jobs = new Counter({ name: 'outbox_jobs_total', help: 'Outbox jobs run, by topic and outcome (done, retry, failed)', labelNames: ['topic', 'outcome'], registers: [registry] });
  // Read at scrape time, so every worker reports the shared queue; the (status, run_at) index answers both.
  const due = async () => {
    const now = nowIso();
    const row = await db.kysely.selectFrom('outbox')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('run_at').as('oldest')])
      .where('status', '=', 'pending').where('run_at', '<=', now).executeTakeFirst();
    return { depth: Number(row?.n ?? 0), ageSeconds: row?.oldest ? Math.max(0, (Date.parse(now) - Date.parse(String(row.oldest))) / 1000) : 0 };
  };
  new Gauge({ name: 'outbox_queue_depth', help: 'Pending outbox jobs that are due now', registers: [registry], async collect() { this.set((await due()).depth); } });
  new Gauge({ name: 'outbox_oldest_due_age_seconds', help: 'How long the oldest due outbox job has waited (0 when none)', registers: [registry], async collect() { this.set((await due()).ageSeconds); } });
  return (topic, outcome) => jobs.inc({ topic, outcome });
}
