// The worker's scheduled audit verification exports what it found, on every database: intact
// after ordinary writes, broken (and logged) after an event is rewritten behind the app's back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { Registry } from 'prom-client';
import { eachDialect, startTestEnv, type TestEnv } from '../../../../test/support/app.ts';
import { dropAuditTriggers, rewriteAction } from '../../../../test/support/audit-tamper.ts';
import { AuditLog } from './audit-log.ts';
import { auditChainCheck } from './chain-monitor.ts';

const value = async (registry: Registry, name: string) => (await registry.getSingleMetric(name)!.get()).values[0]?.value;

eachDialect((dialect) => {
  let t: TestEnv;
  before(async () => { t = await startTestEnv(dialect); });
  after(() => t.close());

  test('an intact chain exports 0 problems and the check time; a rewritten event exports problems and logs an error', async () => {
    const audit = new AuditLog(t.db);
    for (const action of ['test.one', 'test.two', 'test.three']) await audit.record({ action });
    const registry = new Registry();
    const errors: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => { errors.push(line); } });
    const task = auditChainCheck(t.db, registry, log, 60_000);

    assert.equal(await value(registry, 'audit_chain_last_check_timestamp_seconds'), 0, 'never checked yet');
    const before = Date.now() / 1000;
    await task.run();
    assert.equal(await value(registry, 'audit_chain_problems'), 0);
    assert.ok((await value(registry, 'audit_chain_events_checked'))! >= 3);
    assert.ok((await value(registry, 'audit_chain_last_check_timestamp_seconds'))! >= Math.floor(before));
    assert.equal(errors.length, 0);

    await dropAuditTriggers(t.db);
    await rewriteAction(t.db, 2, 'test.forged');
    await task.run();
    assert.ok((await value(registry, 'audit_chain_problems'))! >= 1);
    assert.match(errors.join(''), /audit chain BROKEN/);
  });
});
