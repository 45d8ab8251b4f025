// Benchmarks of the front desk's busiest screens, as ratios to a baseline run in the same session.
//   node bench/run.ts --db sqlite|postgres|mysql [--patients 100000] [--duration 15] [--connections 10] [--only search]
// Prepares (once) a database with N seeded patients, starts the baseline and NileCare in their own
// processes, loads each with autocannon, prints a Markdown table and writes bench/results/*.json.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { parseConfig } from '../src/server/config.ts';
import { connectDatabase } from '../src/server/db/connect.ts';
import { startServer } from './lib/child.ts';
import { runLoad, type LoadResult } from './lib/load.ts';
import { benchEnv, ADMIN } from './lib/env.ts';
import { scenarios } from './scenarios.ts';

const { values } = parseArgs({ options: {
  db: { type: 'string', default: 'sqlite' }, patients: { type: 'string', default: '100000' },
  appointments: { type: 'string', default: '20000' }, duration: { type: 'string', default: '15' }, connections: { type: 'string', default: '10' },
  only: { type: 'string' }, // run only the scenarios whose name contains this (the baseline always runs)
} });
const client = values.db as 'sqlite' | 'postgres' | 'mysql';
const target = { patients: Number(values.patients), appointments: Number(values.appointments) };
const env = await benchEnv(client);
const main = path.resolve('src/server/main.ts');
const cli = (...args: string[]) => execFileSync(process.execPath, [main, ...args], { env: { ...process.env, ...env }, stdio: 'inherit' });

// 1. Schema, first admin, seed data (kept between runs; only the missing patients are added).
cli('migrate', 'up');
const config = parseConfig({ ...process.env, ...env });
const db = connectDatabase(config.db);
const boot = await startServer(main, ['serve'], env); // creates the facility and admin on first start
await boot.stop();
const have = Number((await db.kysely.selectFrom('patients').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
if (have < target.patients) cli('seed', '--patients', String(target.patients - have), '--appointments', have === 0 ? String(target.appointments) : '0');
const fixtures = await scenarios.fixtures(db);
await db.destroy();

// 2. Baseline, then NileCare, each alone on the machine while it is measured.
const load = { connections: Number(values.connections), durationSeconds: Number(values.duration) };
const results: LoadResult[] = [];
const baseline = await startServer(path.resolve('bench/baseline.ts'), [], env);
results.push(await runLoad({ ...load, name: 'baseline: bare Fastify, primary-key read', url: baseline.url, path: scenarios.baselinePath(fixtures) }));
await baseline.stop();

const server = await startServer(main, ['serve'], env);
const token = await signIn(server.url);
for (const s of scenarios.list(fixtures).filter((x) => !values.only || x.name.includes(values.only!))) {
  results.push(await runLoad({ ...load, name: s.name, url: server.url, path: s.path, headers: { authorization: `Bearer ${token}` } }));
}
await server.stop();

// 3. Report.
const base = results[0]!;
// autocannon rounds latencies to whole milliseconds (the baseline's are often 0), so the ratio is
// of throughput: with a fixed number of connections it is the ratio of time spent per request.
const rows = results.map((r) => `| ${r.name} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps} | ${(base.rps / r.rps).toFixed(1)}× | ${r.non2xx + r.errors} |`);
const table = [
  `${client}, ${have >= target.patients ? have : target.patients} patients, ${load.connections} connections × ${load.durationSeconds} s, ${new Date().toISOString().slice(0, 16)}Z`,
  '',
  '| scenario | p50 ms | p95 ms | p99 ms | req/s | cost ÷ baseline (baseline req/s ÷ req/s) | errors |',
  '|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(`\n${table}\n`);
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(`bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}-${client}.json`, JSON.stringify({ client, target, load, results }, null, 2));

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
