// What the worker runs: outbox job handlers of every module, by topic, and the recurring jobs
// (scheduled outbox rows; see platform/outbox/recurring.ts).
import type { Registry } from 'prom-client';
import type { JobHandler } from '../platform/outbox/worker.ts';
import { recurringHandlers, type RecurringJob } from '../platform/outbox/recurring.ts';
import type { Runtime } from '../cli/runtime.ts';
import { collectExtensions } from '../platform/modules.ts';
import { CRITICAL_RESULT_TOPIC } from './clinical/index.ts';
import { criticalResultNotifier, notificationJobHandlers, type NotificationWorkerDeps } from './notifications/index.ts';
import { retentionJob } from './retention.ts';
import { dailySummaryJob } from './reports/index.ts';
import { modules } from './index.ts';

/** `registry`: where the notification counters go (the worker's /metrics); `channels`: see notificationJobHandlers. */
export function jobHandlers(rt: Runtime, registry?: Registry, channels?: NotificationWorkerDeps['channels']): Map<string, JobHandler> {
  const { notificationAttachments } = collectExtensions(modules);
  return new Map([
    ...notificationJobHandlers({ config: rt.config, db: rt.db, log: rt.log, registry, attachments: notificationAttachments, channels }),
    // The clinical module queues critical results; notifications emails them to the ordering clinician.
    [CRITICAL_RESULT_TOPIC, criticalResultNotifier(rt.db.kysely)],
    ...recurringHandlers(rt.db, recurringJobs(rt)),
  ]);
}

/** Ensured at every worker start (ensureRecurring); the dedupe key keeps each occurrence single. */
export function recurringJobs(rt: Runtime): RecurringJob[] {
  return [
    retentionJob(rt.db, rt.config.outbox.retentionDays, rt.log.child({ job: 'retention' })),
    dailySummaryJob(rt.db, collectExtensions(modules).reportSections),
  ];
}
