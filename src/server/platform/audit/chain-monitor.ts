// The worker re-verifies the audit hash chain on a schedule (AUDIT_VERIFY_INTERVAL) and exports
// the result, so tampering raises an alert instead of waiting for someone to run `audit verify`.
import type { Logger } from 'pino';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../../db/connect.ts';
import type { MaintenanceTask } from '../outbox/worker.ts';
import { verifyAuditChain } from './verify.ts';

export function auditChainCheck(db: Db, registry: Registry, log: Logger, everyMs: number): MaintenanceTask {
  // Problems rather than a 0/1 "verified" gauge: a fresh gauge reads 0, which must mean healthy.
  const problems = new Gauge({ name: 'audit_chain_problems', help: 'Problems the last audit chain verification found (0 = intact)', registers: [registry] });
  const checkedAt = new Gauge({ name: 'audit_chain_last_check_timestamp_seconds', help: 'When the audit chain was last verified to the end (Unix time)', registers: [registry] });
  const events = new Gauge({ name: 'audit_chain_events_checked', help: 'Events the last audit chain verification read', registers: [registry] });
  return {
    name: 'verify audit chain',
    everyMs,
    async run() {
      const report = await verifyAuditChain(db);
      problems.set(report.problems.length);
      events.set(report.checked);
      checkedAt.set(Date.now() / 1000);
      if (!report.ok) log.error({ problems: report.problems.slice(0, 10), count: report.problems.length }, 'audit chain BROKEN: run "nilecare audit verify" for the full list');
      return 0;
    },
  };
}
