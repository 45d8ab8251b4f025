// `nilecare audit verify`: walks the whole audit hash chain and says whether it is intact.
// Exit 0 when it is, 1 when anything was changed, removed or cut off — so cron or CI can alert.
import type { Config } from '../config.ts';
import { verifyAuditChain, MAX_PROBLEMS } from '../platform/audit/verify.ts';
import { openRuntime, closeRuntime } from './runtime.ts';

export async function runAudit(config: Config, action: string | undefined): Promise<number> {
  if (action !== 'verify') {
    console.error('usage: nilecare audit verify');
    return 2;
  }
  const rt = await openRuntime(config);
  try {
    const report = await verifyAuditChain(rt.db);
    if (report.ok) {
      console.log(`audit chain OK: ${report.checked} events`);
      return 0;
    }
    const n = report.problems.length;
    const more = n >= MAX_PROBLEMS ? ` (listing stops at ${MAX_PROBLEMS})` : '';
    console.log(`audit chain BROKEN: ${report.checked} events checked, ${n} problem${n === 1 ? '' : 's'}${more}`);
    for (const p of report.problems) console.log(`  seq ${p.seq}${p.id ? ` (${p.id})` : ''}: ${p.problem}`);
    return 1;
  } finally {
    await closeRuntime(rt);
  }
}
