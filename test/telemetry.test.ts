// Tracing and error reporting as an operator turns them on: `nilecare serve` with JAEGER_ENDPOINT
// and SENTRY_DSN pointing at local receivers. A failing request answers 500 with the trace id,
// every log line of it carries that trace id, and the error tracker gets an envelope with that
// trace id, the user and facility ids — and no patient data, names, e-mails, queries or tokens.
// With neither variable set, no OpenTelemetry SDK is even loaded and nothing is sent; with the
// collector or tracker down or hanging, requests are answered as usual.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import pino from 'pino';
import { TEST_SECRETS } from './support/app.ts';
import { startReceiver, type Receiver } from './support/receiver.ts';
import { parseConfig } from '../src/server/config.ts';
import { connectDatabase } from '../src/server/db/connect.ts';
import { migrateUp } from '../src/server/db/migrate.ts';
import { buildApp } from '../src/server/app.ts';
import { startTracing } from '../src/server/platform/telemetry/tracing.ts';
import { startErrorReporting } from '../src/server/platform/telemetry/error-reporter.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ADMIN = { email: 'ops-admin@clinic.example', password: 'Tracing-Test-Pass-2026' };
const PATIENT = { firstName: 'Halima', lastName: 'Abdelrahim', nationalId: '12233344445', phone: '0911222333', dateOfBirth: '1979-05-06', confirmNew: true };
const tempDirs: string[] = [];
after(() => { for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true }); });
const tempDir = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-telemetry-')); tempDirs.push(d); return d; };

describeServe();

function describeServe() {
  let otlp: Receiver;
  let sentry: Receiver;
  let child: ChildProcess;
  let out = '';
  let base = '';
  const dataDir = tempDir();

  before(async () => {
    otlp = await startReceiver();
    sentry = await startReceiver();
    child = spawn(path.join(ROOT, 'bin/nilecare'), ['serve'], {
      cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'test', LOG_LEVEL: 'info', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ...TEST_SECRETS,
        NILECARE_ADMIN_EMAIL: ADMIN.email, NILECARE_ADMIN_PASSWORD: ADMIN.password, JAEGER_ENDPOINT: otlp.url, SENTRY_DSN: `${sentry.url.replace('//', '//pubkey42@')}/42`,
      },
    });
    child.stdout!.setEncoding('utf8').on('data', (s: string) => { out += s; });
    child.stderr!.setEncoding('utf8').on('data', (s: string) => { out += s; });
    const until = Date.now() + 60_000;
    while (!/listening at (http:\/\/\S+)/.test(out)) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`serve did not start:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    base = /listening at (http:\/\/[\d.:]+)/.exec(out)![1]!;
  });
  after(async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
    await otlp.close();
    await sentry.close();
  });

  test('a 500 carries its trace id to the caller, every log line and the error tracker, without patient data', async () => {
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    assert.equal(login.status, 200, await login.clone().text());
    const { accessToken } = await login.json() as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/v1/patients`, { method: 'POST', headers, body: JSON.stringify(PATIENT) });
    assert.equal(created.status, 201, await created.clone().text());

    // A real fault: the name-search table disappears under the running server.
    const db = new DatabaseSync(path.join(dataDir, 'nilecare.sqlite'));
    db.exec('PRAGMA busy_timeout = 5000; DROP TABLE patient_name_keys');
    db.close();
    const failed = await fetch(`${base}/api/v1/patients?q=${PATIENT.firstName}`, { headers });
    assert.equal(failed.status, 500);
    const problem = await failed.json() as { traceId?: string; requestId: string; detail: string };
    assert.match(problem.traceId ?? '', /^[0-9a-f]{32}$/, JSON.stringify(problem));

    // Every line the failed request logged names its trace.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = lines.filter((l) => l.reqId === problem.requestId);
    assert.ok(mine.length >= 3, JSON.stringify(mine));
    for (const l of mine) assert.equal(l.traceId, problem.traceId, JSON.stringify(l));
    assert.deepEqual(['incoming request', 'unhandled error', 'request completed'].filter((m) => !mine.some((l) => l.msg === m)), []);
    for (const l of lines.filter((x) => x.reqId)) assert.match(String(l.traceId), /^[0-9a-f]{32}$/, JSON.stringify(l));

    // The error tracker's copy.
    await sentry.waitFor(1);
    const envelope = sentry.received[0]!;
    assert.equal(envelope.path, '/api/42/envelope/');
    assert.match(String(envelope.headers['x-sentry-auth']), /sentry_key=pubkey42/);
    const [, itemHeader, eventText] = envelope.body.trim().split('\n');
    assert.equal(JSON.parse(itemHeader!).type, 'event');
    const event = JSON.parse(eventText!);
    const adminId = (await (await fetch(`${base}/api/v1/auth/me`, { headers })).json() as { id: string }).id;
    assert.deepEqual(event.user, { id: adminId });
    assert.equal(event.contexts.trace.trace_id, problem.traceId);
    assert.deepEqual(event.request, { method: 'GET', url: '/api/v1/patients' });
    assert.equal(event.tags.status_code, '500');
    assert.match(event.tags.facility_id, /^[0-9a-f-]{36}$/);
    assert.ok(event.exception.values[0].stacktrace.frames.length > 0);
    for (const value of [PATIENT.firstName, PATIENT.lastName, PATIENT.nationalId, PATIENT.phone, ADMIN.email, ADMIN.password, 'q=', accessToken.slice(0, 30), 'authorization', 'Administrator']) {
      assert.ok(!envelope.body.includes(value), `"${value}" was sent to the error tracker`);
    }
    // Only the failure was reported: the 200 and 201 before it were not.
    assert.equal(sentry.received.length, 1);
  });
}

test('with neither JAEGER_ENDPOINT nor SENTRY_DSN, no OpenTelemetry SDK is loaded and nothing reports', () => {
  // A fresh process records every module it loads while it builds the app and answers a request.
  const script = `
    import { registerHooks } from 'node:module';
    const loaded = [];
    registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
    const { parseConfig } = await import('${ROOT}/src/server/config.ts');
    const { connectDatabase } = await import('${ROOT}/src/server/db/connect.ts');
    const { migrateUp } = await import('${ROOT}/src/server/db/migrate.ts');
    const { buildApp } = await import('${ROOT}/src/server/app.ts');
    const { openRuntime, closeRuntime } = await import('${ROOT}/src/server/cli/runtime.ts');
    const config = parseConfig(process.env);
    const rt = await openRuntime(config, { role: 'api' });
    await migrateUp(rt.db);
    const app = await buildApp(rt);
    const res = await app.inject('/health/ready');
    await app.close(); await closeRuntime(rt);
    console.log(JSON.stringify({ status: res.statusCode, loaded: loaded.filter((u) => u.includes('opentelemetry')), tracing: !!rt.tracing, errors: !!rt.errors }));
  `;
  const run = (env: Record<string, string>) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATA_DIR: tempDir(), ...TEST_SECRETS, ...env } });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { status: number; loaded: string[]; tracing: boolean; errors: boolean };
  };
  const off = run({});
  assert.equal(off.status, 200);
  assert.deepEqual([off.tracing, off.errors], [false, false]);
  // (@opentelemetry/api itself is a dependency of prom-client and always loaded: a no-op without an SDK.)
  assert.deepEqual(off.loaded.filter((u) => u.includes('@opentelemetry/') && !u.includes('@opentelemetry/api/')), []);
  // The same probe sees them when they are configured (so it can tell).
  const on = run({ JAEGER_ENDPOINT: 'http://127.0.0.1:9', SENTRY_DSN: 'http://k@127.0.0.1:9/1' });
  assert.deepEqual([on.tracing, on.errors], [true, true]);
  assert.ok(on.loaded.some((u) => u.includes('@opentelemetry/sdk-trace-base')), on.loaded.join('\n'));
});

test('a collector or error tracker that is down or hangs never fails or holds up a request', async () => {
  // One port refuses connections; the other accepts them and never answers.
  const hang = net.createServer(() => {});
  await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
  const hangPort = (hang.address() as net.AddressInfo).port;
  const dataDir = tempDir();
  for (const [traces, dsn] of [['http://127.0.0.1:9', 'http://k@127.0.0.1:9/1'], [`http://127.0.0.1:${hangPort}`, `http://k@127.0.0.1:${hangPort}/1`]] as const) {
    const config = parseConfig({ NODE_ENV: 'test', ...TEST_SECRETS, DATA_DIR: dataDir, JAEGER_ENDPOINT: traces, SENTRY_DSN: dsn });
    const log = pino({ level: 'silent' });
    const tracing = (await startTracing(config, log, 'api'))!;
    const errors = startErrorReporting(config, log, 'api')!;
    const db = connectDatabase(config.db, { tracing });
    await migrateUp(db);
    const app = await buildApp({ config, db, tracing, errors });
    app.get('/boom', { config: { access: 'public' } }, async () => { throw new Error('kaboom'); });
    await app.ready();
    for (let i = 0; i < 20; i++) assert.equal((await app.inject('/health')).statusCode, 200);
    assert.equal((await app.inject('/boom')).statusCode, 500);
    if (dsn.includes(String(hangPort))) {
      // The 500 was answered while its error report still waits on the hanging tracker.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const open = await new Promise<number>((resolve) => hang.getConnections((_e, n) => resolve(n)));
      assert.ok(open >= 1, 'the report is still in flight');
    }
    await app.close();
    // Both give up within their timeouts (a hang here would fail the test by its timeout).
    await errors.flush(1000);
    await tracing.shutdown();
    await db.destroy();
  }
  hang.close();
});
