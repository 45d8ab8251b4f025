// Outbox job handlers of every module, by topic. The worker runs exactly these.
import type { JobHandler } from '../platform/outbox/worker.ts';
import type { Runtime } from '../cli/runtime.ts';

export function jobHandlers(_rt: Runtime): Map<string, JobHandler> {
  return new Map();
}
