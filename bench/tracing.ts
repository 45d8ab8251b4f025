// What tracing costs: the same scenarios against `nilecare serve` without tracing and with it
// (JAEGER_ENDPOINT pointing at a local OTLP sink that accepts and discards) for every request and
// for 10 % of them, alternating, in the same session. Reports the server's CPU time per request
// (user + system, from /proc: what tracing adds to each request, and far steadier than req/s on a
// machine shared with other work) and req/s each way.
//   node bench/tracing.ts [--db sqlite] [--duration 10] [--connections 4] [--rounds 2]
import http from 'node:http';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { parseConfig } from '../src/server/config.ts';
import { connectDatabase } from '../src/server/db/connect.ts';
import { startServer } from './lib/child.ts';
import { runLoad } from './lib/load.ts';
import { benchEnv, ADMIN } from './lib/env.ts';
import { scenarios } from './scenarios.ts';

const { values } = parseArgs({ options: {
  db: { type: 'string', default: 'sqlite' }, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '4' }, rounds: { type: 'string', default: '2' },
} });
const client = values.db as 'sqlite' | 'postgres' | 'mysql';
const env = { ...await benchEnv(client, 'nilecare_backup_bench'), LOG_LEVEL: 'warn' };
const main = path.resolve('src/server/main.ts');
execFileSync(process.execPath, [main, 'migrate', 'up'], { env: { ...process.env, ...env }, stdio: 'ignore' });
const boot = await startServer(main, ['serve'], { ...env, LOG_LEVEL: 'info' });
await boot.stop();
const db = connectDatabase(parseConfig({ ...process.env, ...env }).db);
if (Number((await db.kysely.selectFrom('patients').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) === 0) {
  execFileSync(process.execPath, [main, 'seed', '--patients', '20000', '--appointments', '5000'], { env: { ...process.env, ...env }, stdio: 'inherit' });
}
const fixtures = await scenarios.fixtures(db);
await db.destroy();

let spansBytes = 0;
const sink = http.createServer((req, res) => { req.on('data', (c: Buffer) => { spansBytes += c.length; }).on('end', () => res.end('{}')); });
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;

const load = { connections: Number(values.connections), durationSeconds: Number(values.duration) };
type Mode = 'off' | 'on' | 'tenth';
const MODES: Record<Mode, Record<string, string>> = { off: {}, on: { JAEGER_ENDPOINT: sinkUrl }, tenth: { JAEGER_ENDPOINT: sinkUrl, TRACES_SAMPLE_PERCENT: '10' } };
const rps: Record<string, Record<Mode, { rps: number[]; p95: number[]; cpu: number[] }>> = {};
/** CPU milliseconds (user + system) the process has used so far. */
const cpuMs = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
};
for (let round = 0; round < Number(values.rounds); round++) {
  for (const mode of Object.keys(MODES) as Mode[]) {
    const server = await startServer(main, ['serve'], { ...env, LOG_LEVEL: 'info', ...MODES[mode] });
    const token = await signIn(server.url);
    for (const s of scenarios.list(fixtures)) {
      const before = cpuMs(server.pid);
      const r = await runLoad({ ...load, name: s.name, url: server.url, path: s.path, headers: { authorization: `Bearer ${token}` } });
      const cpu = (cpuMs(server.pid) - before) / r.requests;
      if (r.non2xx + r.errors) throw new Error(`${s.name} (${mode}): ${r.non2xx} non-2xx, ${r.errors} errors`);
      const row = (rps[s.name] ??= { off: { rps: [], p95: [], cpu: [] }, on: { rps: [], p95: [], cpu: [] }, tenth: { rps: [], p95: [], cpu: [] } });
      row[mode].rps.push(r.rps);
      row[mode].cpu.push(cpu);
      row[mode].p95.push(r.p95);
    }
    await server.stop();
  }
}
sink.close();

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`\n${client}, ${load.connections} connections × ${load.durationSeconds} s, ${values.rounds} rounds alternating, ${new Date().toISOString().slice(0, 16)}Z; ${(spansBytes / 1_048_576).toFixed(1)} MiB of spans exported\n`);
console.log('| scenario | server CPU ms per request: off | all traced | 10 % traced | added: all / 10 % | req/s off / all / 10 % |');
console.log('|---|---|---|---|---|---|');
const added = (on: number[], off: number[]) => `+${((mean(on) / mean(off) - 1) * 100).toFixed(0)} %`;
for (const [name, r] of Object.entries(rps)) {
  console.log(`| ${name} | ${mean(r.off.cpu).toFixed(2)} | ${mean(r.on.cpu).toFixed(2)} | ${mean(r.tenth.cpu).toFixed(2)} | ${added(r.on.cpu, r.off.cpu)} / ${added(r.tenth.cpu, r.off.cpu)} | ${[r.off, r.on, r.tenth].map((m) => mean(m.rps).toFixed(0)).join(' / ')} |`);
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
