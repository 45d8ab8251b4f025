// How long a backup and a restore take on a realistic database — the restore time is the recovery
// time the runbook promises (docs/operations.md) — and what key rotation costs on the restored copy.
//   node bench/backup.ts --db sqlite|postgres|mysql [--patients 100000] [--appointments 100000]
// Seeds (once, kept) a dedicated `nilecare_backup_bench` database, then times the real commands,
// each a fresh process as an operator would run it: backup, restore into an empty database, audit
// verify on the restored copy. Prints a Markdown row per step and writes bench/results/*.json.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { parseConfig } from '../src/server/config.ts';
import { connectDatabase } from '../src/server/db/connect.ts';
import { startServer } from './lib/child.ts';
import { benchEnv } from './lib/env.ts';

const { values } = parseArgs({ options: {
  db: { type: 'string', default: 'sqlite' }, patients: { type: 'string', default: '100000' }, appointments: { type: 'string', default: '100000' },
} });
const client = values.db as 'sqlite' | 'postgres' | 'mysql';
const target = { patients: Number(values.patients), appointments: Number(values.appointments) };
const NAME = 'nilecare_backup_bench';
const env = await benchEnv(client, NAME);
const backupDir = path.resolve(`bench/.data/${NAME}/backups-${client}`);
fs.rmSync(backupDir, { recursive: true, force: true });
const keys = { BACKUP_ENCRYPTION_KEYS: `b1:${randomBytes(32).toString('base64')}`, BACKUP_DIR: backupDir, LOG_LEVEL: 'warn' };
const main = path.resolve('src/server/main.ts');
/** Runs one command, timed; `okExit` lists the exit codes that are answers rather than failures. */
const run = (extra: Record<string, string>, args: string[], okExit = [0]) => {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [main, ...args], { env: { ...process.env, ...env, ...keys, ...extra }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (!okExit.includes(r.status ?? -1)) throw new Error(`nilecare ${args.join(' ')} exited ${r.status}:\n${r.stdout}`);
  return { out: r.stdout, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
};

// 1. The source database (kept between runs; only missing patients are added).
run({}, ['migrate', 'up']);
const config = parseConfig({ ...process.env, ...env });
const db = connectDatabase(config.db);
const boot = await startServer(main, ['serve'], env); // creates the facility and admin on first start
await boot.stop();
const count = async (d = db, table: 'patients' | 'appointments' | 'audit_events' = 'patients') => Number((await d.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const have = await count();
if (have < target.patients) {
  console.log(`seeding ${target.patients - have} patients …`);
  execFileSync(process.execPath, [main, 'seed', '--patients', String(target.patients - have), '--appointments', have === 0 ? String(target.appointments) : '0'], { env: { ...process.env, ...env }, stdio: 'inherit' });
}
const source = { patients: await count(), appointments: await count(db, 'appointments'), audit: await count(db, 'audit_events') };
await db.destroy();

// 2. An empty target beside it.
const restoreEnv = await emptyTarget();
const steps: { step: string; seconds: number; note: string }[] = [];

const backup = run({}, ['backup']);
const file = /backup written: (\S+)/.exec(backup.out)![1]!;
steps.push({ step: 'backup', seconds: backup.seconds, note: `${(fs.statSync(file).size / 1_048_576).toFixed(1)} MiB encrypted file` });
const verify = run({}, ['backup', 'verify', file]);
steps.push({ step: 'backup verify (checksum + decrypt, no database)', seconds: verify.seconds, note: /, ([\d.]+ MiB dump)/.exec(verify.out)?.[1] ?? '' });
const restore = run(restoreEnv, ['restore', file]);
steps.push({ step: 'restore into an empty database', seconds: restore.seconds, note: 'verify pass + load' });
const audit = run(restoreEnv, ['audit', 'verify']);
steps.push({ step: 'audit verify on the restored copy', seconds: audit.seconds, note: audit.out.trim() });

const restoredDb = connectDatabase(parseConfig({ ...process.env, ...env, ...restoreEnv }).db);
const restored = { patients: await count(restoredDb), appointments: await count(restoredDb, 'appointments'), audit: await count(restoredDb, 'audit_events') };
await restoredDb.destroy();
if (JSON.stringify(restored) !== JSON.stringify(source)) throw new Error(`restored counts ${JSON.stringify(restored)} differ from ${JSON.stringify(source)}`);

// 3. Key rotation on the restored copy (the source stays as seeded): a new PHI key and index key.
const dev = JSON.parse(fs.readFileSync(path.join(env.DATA_DIR!, 'secrets.json'), 'utf8')) as { phiKey: string; phiIndexKey: string };
const rotating = { ...restoreEnv, PHI_ENCRYPTION_KEYS: `k2:${randomBytes(32).toString('base64')},dev1:${dev.phiKey}`, PHI_INDEX_KEY: randomBytes(32).toString('base64'), PHI_INDEX_KEY_PREVIOUS: dev.phiIndexKey };
const status = run(rotating, ['keys', 'status'], [1]);
steps.push({ step: 'keys status before rotating', seconds: status.seconds, note: /national_id_enc: (\d+) value/.exec(status.out)?.[1] + ' national IDs' });
const rotate = run(rotating, ['keys', 'rotate']);
steps.push({ step: 'keys rotate (new PHI key and index key)', seconds: rotate.seconds, note: rotate.out.split('\n').filter((l) => l.includes('national_id_enc') && l.includes('scanned')).at(-1) ?? '' });

// 4. Report.
const head = `${client}, ${source.patients} patients, ${source.appointments} appointments, ${source.audit} audit events, ${new Date().toISOString().slice(0, 16)}Z`;
const table = [head, '', '| step | seconds (wall, whole command) | note |', '|---|---|---|', ...steps.map((s) => `| ${s.step} | ${s.seconds.toFixed(1)} | ${s.note} |`)].join('\n');
console.log(`\n${table}\n`);
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(`bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}-backup-${client}.json`, JSON.stringify({ client, source, steps }, null, 2));
fs.rmSync(backupDir, { recursive: true, force: true });

/** A fresh, empty `<name>_restore` database (SQLite: an empty folder); answers the env that points at it. */
async function emptyTarget(): Promise<Record<string, string>> {
  const name = `${NAME}_restore`;
  if (client === 'sqlite') {
    const dir = path.resolve(`bench/.data/${NAME}/restore-sqlite`);
    fs.rmSync(dir, { recursive: true, force: true });
    return { DATA_DIR: dir };
  }
  const url = new URL(env.DATABASE_URL!);
  if (client === 'postgres') {
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
    await c.end();
  } else {
    const c = await mysql.createConnection(url.toString());
    await c.query(`drop database if exists ${name}`);
    await c.query(`create database ${name} character set utf8mb4 collate utf8mb4_bin`);
    await c.end();
  }
  url.pathname = `/${name}`;
  // The restored copy is read with the source's secrets (kept in the source's DATA_DIR).
  return { DATABASE_URL: url.toString() };
}
