// `nilecare worker` with WORKER_METRICS_PORT: Prometheus can scrape the worker role, which has no
// API of its own — the outbox, audit-chain and pool metrics the alerts read, behind the same
// METRICS_TOKEN rule as the API's /metrics. A real child process, as an operator runs it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../bin/nilecare');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nilecare-worker-metrics-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the worker serves /metrics on WORKER_METRICS_PORT, only with METRICS_TOKEN, and /health', async () => {
  const token = randomBytes(24).toString('hex');
  const child = spawn(BIN, ['worker'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'test', LOG_LEVEL: 'info', DATA_DIR: dir, HOST: '127.0.0.1', WORKER_METRICS_PORT: '0', METRICS_TOKEN: token, METRICS_ALLOW: '192.0.2.0/24' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    const started = await new Promise<{ metricsPort: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 60_000);
      child.stdout.setEncoding('utf8').on('data', (s: string) => {
        out += s;
        const line = out.split('\n').find((l) => l.includes('"worker started"'));
        if (line) { clearTimeout(timer); resolve(JSON.parse(line) as { metricsPort: number }); }
      });
      child.on('close', () => reject(new Error(`worker exited:\n${out}`)));
    });
    assert.ok(started.metricsPort > 0, 'the log names the port it listens on');
    const url = `http://127.0.0.1:${started.metricsPort}`;

    assert.equal((await fetch(`${url}/metrics`)).status, 403, 'not an allowed network and no token');
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const body = await res.text();
    for (const name of ['outbox_queue_depth', 'outbox_oldest_due_age_seconds', 'outbox_jobs_total', 'audit_chain_problems', 'audit_chain_last_check_timestamp_seconds', 'db_pool_connections', 'process_cpu_seconds_total']) {
      assert.match(body, new RegExp(`^# TYPE ${name} `, 'm'), `${name} is exported`);
    }
    assert.doesNotMatch(body, /^# TYPE http_requests_total /m, 'the worker has no API traffic to report');
    assert.deepEqual(await (await fetch(`${url}/health`)).json(), { status: 'healthy' });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
  }
});
