// `nilecare audit verify` as an operator runs it: a separate process on the configured database,
// exit 0 on an intact chain, 1 with the tampered event named after someone edited the table.
// On every configured database, since the process opens its own connection from the environment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { eachDialect, startTestApp, TEST_SECRETS, type TestApp } from '../../../test/support/app.ts';
import { dropAuditTriggers, rewriteAction } from '../../../test/support/audit-tamper.ts';

const MAIN = path.join(import.meta.dirname, '..', 'main.ts');

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Only what the command needs: nothing leaks in from the test runner's own environment.
    const child = spawn(process.execPath, [MAIN, ...args], { env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...TEST_SECRETS, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

eachDialect((dialect) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(dialect);
    for (let i = 1; i <= 5; i++) await t.app.ctx.audit.record({ action: `cli.event_${i}`, details: { i } });
  });
  after(() => t.close());

  test('an intact chain: "audit chain OK: N events", exit 0', async () => {
    const res = await runCli(['audit', 'verify'], t.database.env);
    assert.equal(res.stderr, '');
    assert.equal(res.stdout.trim(), 'audit chain OK: 5 events');
    assert.equal(res.code, 0);
  });

  test('a wrong subcommand: usage, exit 2', async () => {
    const res = await runCli(['audit', 'check'], t.database.env);
    assert.match(res.stderr, /usage: nilecare audit verify/);
    assert.equal(res.code, 2);
  });

  test('after tampering: the changed event is listed, exit 1', async () => {
    await dropAuditTriggers(t.db);
    await rewriteAction(t.db, 3, 'cli.tampered');
    const res = await runCli(['audit', 'verify'], t.database.env);
    const lines = res.stdout.trim().split('\n');
    assert.equal(lines[0], 'audit chain BROKEN: 5 events checked, 1 problem');
    assert.match(lines[1]!, /^ {2}seq 3 \([0-9a-f-]{36}\): hash does not match the contents: the event was changed$/);
    assert.equal(lines.length, 2);
    assert.equal(res.code, 1);
  });
});
