// What the worker runs: outbox job handlers of every module, by topic, and periodic maintenance.
import type { Registry } from 'prom-client';
import type { JobHandler, MaintenanceTask } from '../platform/outbox/worker.ts';
import type { Runtime } from '../cli/runtime.ts';
import { collectExtensions } from '../platform/modules.ts';
import { purgeExpiredAuthRecords } from './auth/index.ts';
import { CRITICAL_RESULT_TOPIC } from './clinical/index.ts';
import { criticalResultNotifier, notificationJobHandlers, type NotificationWorkerDeps } from './notifications/index.ts';
import { modules } from './index.ts';

/** `registry`: where the notification counters go (the worker's /metrics); `channels`: see notificationJobHandlers. */
export function jobHandlers(rt: Runtime, registry?: Registry, channels?: NotificationWorkerDeps['channels']): Map<string, JobHandler> {
  const { notificationAttachments } = collectExtensions(modules);
  return new Map([
    ...notificationJobHandlers({ config: rt.config, db: rt.db, log: rt.log, registry, attachments: notificationAttachments, channels }),
    // The clinical module queues critical results; notifications emails them to the ordering clinician.
    [CRITICAL_RESULT_TOPIC, criticalResultNotifier(rt.db.kysely)],
  ]);
}

export function maintenanceTasks(rt: Runtime): MaintenanceTask[] {
  return [{ name: 'purge expired sign-in records', everyMs: 3_600_000, run: () => purgeExpiredAuthRecords(rt.db.kysely) }];
}
