// The clinical module's outbox jobs. A critical lab result is queued for the ordering clinician in
// the transaction that records it (lab.ts). Until a notifications module delivers it (in-app,
// SMS), the worker logs it at warn level with ids only, so it is visible to operators and the job
// does not fail for want of a handler.
import type { Logger } from 'pino';
import type { JobHandler } from '../../platform/outbox/worker.ts';

export function criticalResultHandler(log: Logger): JobHandler {
  return async (payload, job) => {
    const p = payload as { orderId?: string; patientId?: string; notify?: string; results?: { code: string; flag: string }[] };
    log.warn({ jobId: job.id, orderId: p.orderId, patientId: p.patientId, clinicianId: p.notify, tests: p.results?.map((r) => `${r.code}:${r.flag}`) }, 'critical lab result for the ordering clinician');
  };
}
