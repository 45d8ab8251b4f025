// What the worker runs: outbox job handlers of every module, by topic, and periodic maintenance.
import type { JobHandler, MaintenanceTask } from '../platform/outbox/worker.ts';
import type { Runtime } from '../cli/runtime.ts';
import { purgeExpiredAuthRecords } from './auth/index.ts';
import { CRITICAL_RESULT_TOPIC, criticalResultHandler } from './clinical/index.ts';

export function jobHandlers(rt: Runtime): Map<string, JobHandler> {
  return new Map([[CRITICAL_RESULT_TOPIC, criticalResultHandler(rt.log)]]);
}

export function maintenanceTasks(rt: Runtime): MaintenanceTask[] {
  return [{ name: 'purge expired sign-in records', everyMs: 3_600_000, run: () => purgeExpiredAuthRecords(rt.db.kysely) }];
}
