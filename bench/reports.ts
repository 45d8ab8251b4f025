// What the summary report costs over 1,000,000 invoices: GET /reports/summary for a month and for a
// year, next to a single-invoice GET in the same run (the baseline), on one database per run. The
// same month and year summed straight from the invoices table (the spec's (facility_id, issued_at)
// index, no aggregates) is timed beside it, to show what the daily totals save.
//   node bench/reports.ts [--db sqlite|postgres|mysql] [--invoices 1000000] [--duration 5] [--connections 4]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { parseConfig } from '../src/server/config.ts';
import { connectDatabase } from '../src/server/db/connect.ts';
import { addDays, localDateOf, localMinutesToInstant } from '../src/server/platform/time.ts';
import { startServer } from './lib/child.ts';
import { runLoad, type LoadResult } from './lib/load.ts';
import { benchEnv, ADMIN } from './lib/env.ts';
import { seedInvoices } from './reports-seed.ts';

const { values } = parseArgs({ options: {
  db: { type: 'string', default: 'sqlite' }, invoices: { type: 'string', default: '1000000' }, duration: { type: 'string', default: '5' }, connections: { type: 'string', default: '4' },
} });
const client = values.db as 'sqlite' | 'postgres' | 'mysql';
const env = { ...await benchEnv(client, 'nilecare_reports_bench'), LOG_LEVEL: 'warn' };
const main = path.resolve('src/server/main.ts');
execFileSync(process.execPath, [main, 'migrate', 'up'], { env: { ...process.env, ...env }, stdio: 'ignore' });
const boot = await startServer(main, ['serve'], { ...env, LOG_LEVEL: 'info' }); // first start creates the facility and admin
await boot.stop();

const db = connectDatabase(parseConfig({ ...process.env, ...env }).db);
const seed = await seedInvoices(db, Number(values.invoices), (s) => console.log(s));
if (seed.seeded) console.log(`seeded in ${seed.seedSeconds.toFixed(0)} s; daily totals rebuilt from the raw rows in ${seed.rebuildSeconds.toFixed(1)} s`);

const zone = 'Africa/Khartoum';
const today = localDateOf(zone, Date.now());
const periods = { month: [addDays(today, -29), today], year: [addDays(today, -364), today] } as const;

// The alternative: sum the period straight from the invoices (median of 5 runs).
const direct: Record<string, number> = {};
for (const [name, [from, to]] of Object.entries(periods)) {
  const lo = new Date(localMinutesToInstant(zone, from, 0)).toISOString();
  const hi = new Date(localMinutesToInstant(zone, addDays(to, 1), 0)).toISOString();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await db.kysely.selectFrom('invoices').select((eb) => ['currency', eb.fn.countAll().as('n'), eb.fn.sum('total').as('total'), eb.fn.sum('amount_paid').as('paid')])
      .where('facility_id', '=', seed.facilityId).where('issued_at', '>=', lo).where('issued_at', '<', hi).where('status', '!=', 'void').groupBy('currency').execute();
    times.push(performance.now() - t0);
  }
  direct[name] = times.sort((a, b) => a - b)[2]!;
}
await db.destroy();

const load = { connections: Number(values.connections), durationSeconds: Number(values.duration) };
const server = await startServer(main, ['serve'], { ...env, LOG_LEVEL: 'info' });
const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
const headers = { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
const results: LoadResult[] = [];
const scenarios: [string, string][] = [
  ['baseline: GET /invoices/:id', `/api/v1/invoices/${seed.invoiceId}`],
  ['summary, 30 days', `/api/v1/reports/summary?from=${periods.month[0]}&to=${periods.month[1]}`],
  ['summary, 365 days', `/api/v1/reports/summary?from=${periods.year[0]}&to=${periods.year[1]}`],
];
for (const [name, url] of scenarios) {
  const r = await runLoad({ ...load, name, url: server.url, path: () => url, headers });
  if (r.non2xx + r.errors) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  results.push(r);
}
await server.stop();

const base = results[0]!.rps;
const lines = [
  `${client}, ${Number(values.invoices).toLocaleString('en')} invoices, ${load.connections} connections × ${load.durationSeconds} s, ${new Date().toISOString().slice(0, 16)}Z`,
  '',
  '| scenario | p50 ms | p95 ms | req/s | cost ÷ baseline (req/s) |',
  '|---|---|---|---|---|',
  ...results.map((r) => `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rps} | ${(base / r.rps).toFixed(2)}× |`),
  '',
  `Summing straight from invoices (no daily totals): 30 days ${direct.month!.toFixed(0)} ms, 365 days ${direct.year!.toFixed(0)} ms per query.`,
];
console.log(`\n${lines.join('\n')}\n`);
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(`bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}-reports-${client}.json`, JSON.stringify({ client, load, seed, direct, results }, null, 2));
