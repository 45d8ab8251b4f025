// What the patient chart costs for a long history: GET /patients/:id/chart for a patient with
// 1,000 encounters against one with 10 (the aim: within 2×), next to the same-session
// baseline (bare Fastify, one primary-key read). Rounds alternate the two patients so drift on a
// shared machine falls on both; the server's CPU time per request (from /proc) is steadier than
// req/s there.
//   node bench/chart.ts [--db sqlite|postgres|mysql] [--duration 10] [--connections 4] [--rounds 2]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { parseConfig } from '../src/server/config.ts';
import { connectDatabase } from '../src/server/db/connect.ts';
import { startServer } from './lib/child.ts';
import { runLoad, type LoadResult } from './lib/load.ts';
import { benchEnv, ADMIN } from './lib/env.ts';
import { chartPatients } from './chart-seed.ts';

const { values } = parseArgs({ options: {
  db: { type: 'string', default: 'sqlite' }, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '4' }, rounds: { type: 'string', default: '2' },
} });
const client = values.db as 'sqlite' | 'postgres' | 'mysql';
const env = { ...await benchEnv(client, 'nilecare_chart_bench'), LOG_LEVEL: 'warn' };
const main = path.resolve('src/server/main.ts');
execFileSync(process.execPath, [main, 'migrate', 'up'], { env: { ...process.env, ...env }, stdio: 'ignore' });
const boot = await startServer(main, ['serve'], { ...env, LOG_LEVEL: 'info' }); // first start creates the facility and admin
await boot.stop();
const db = connectDatabase(parseConfig({ ...process.env, ...env }).db);
const patients = await chartPatients(db);
await db.destroy();

const load = { connections: Number(values.connections), durationSeconds: Number(values.duration) };
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
};
interface Sample { r: LoadResult; cpu: number }
const samples: Record<string, Sample[]> = {};
async function measure(name: string, script: string, args: string[], urlPath: () => string, signIn: boolean) {
  const server = await startServer(script, args, { ...env, LOG_LEVEL: 'info' });
  const headers = signIn ? { authorization: `Bearer ${await token(server.url)}` } : undefined;
  const before = cpuMs(server.pid);
  const r = await runLoad({ ...load, name, url: server.url, path: urlPath, headers });
  const cpu = (cpuMs(server.pid) - before) / r.requests;
  await server.stop();
  if (r.non2xx + r.errors) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  (samples[name] ??= []).push({ r, cpu });
}

for (let round = 0; round < Number(values.rounds); round++) {
  await measure('baseline: bare Fastify, primary-key read', path.resolve('bench/baseline.ts'), [], () => `/baseline/patients/${patients[10]}`, false);
  const order = round % 2 ? [1000, 10] : [10, 1000];
  for (const n of order) await measure(`chart, ${n} encounters`, main, ['serve'], () => `/api/v1/patients/${patients[n]}/chart`, true);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const base = mean(samples['baseline: bare Fastify, primary-key read']!.map((s) => s.r.rps));
const lines = [
  `${client}, ${load.connections} connections × ${load.durationSeconds} s, ${values.rounds} rounds alternating, ${new Date().toISOString().slice(0, 16)}Z`,
  '',
  '| scenario | p50 ms | p95 ms | req/s | cost ÷ baseline (req/s) | server CPU ms / request |',
  '|---|---|---|---|---|---|',
  ...Object.entries(samples).map(([name, s]) => {
    const rps = mean(s.map((x) => x.r.rps));
    return `| ${name} | ${mean(s.map((x) => x.r.p50)).toFixed(1)} | ${mean(s.map((x) => x.r.p95)).toFixed(1)} | ${rps.toFixed(0)} | ${(base / rps).toFixed(1)}× | ${mean(s.map((x) => x.cpu)).toFixed(2)} |`;
  }),
];
const few = samples['chart, 10 encounters']!, many = samples['chart, 1000 encounters']!;
lines.push('', `1,000 encounters ÷ 10: ${(mean(few.map((s) => s.r.rps)) / mean(many.map((s) => s.r.rps))).toFixed(2)}× by req/s, ${(mean(many.map((s) => s.cpu)) / mean(few.map((s) => s.cpu))).toFixed(2)}× by server CPU per request`);
console.log(`\n${lines.join('\n')}\n`);
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(`bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}-chart-${client}.json`, JSON.stringify({ client, load, samples }, null, 2));

async function token(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
