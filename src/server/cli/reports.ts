// `nilecare reports rebuild [--facility CODE]`: recomputes the billing daily totals the summary
// report reads from the raw invoices and payments, for drift recovery (decision 0030).
import type { Config } from '../config.ts';
import { rebuildDailyTotals } from '../modules/billing/daily-totals-rebuild.ts';
import { openRuntime, closeRuntime } from './runtime.ts';

export async function runReports(config: Config, args: string[]): Promise<number> {
  const [action, flag, code] = args;
  if (action !== 'rebuild' || (flag !== undefined && (flag !== '--facility' || !code))) {
    console.error('usage: nilecare reports rebuild [--facility CODE]');
    return 2;
  }
  const rt = await openRuntime(config);
  try {
    let q = rt.db.kysely.selectFrom('facilities').select(['id', 'code']);
    if (code) q = q.where('code', '=', code);
    const facilities = await q.execute();
    if (code && facilities.length === 0) {
      console.error(`no facility with code ${code}`);
      return 1;
    }
    for (const f of facilities) {
      const differing = await rebuildDailyTotals(rt.db.kysely, rt.db.client, f.id);
      console.log(`${f.code}: daily totals rebuilt (${differing} day rows had drifted)`);
    }
    return 0;
  } finally {
    await closeRuntime(rt);
  }
}
