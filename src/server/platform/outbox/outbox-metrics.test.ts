// The worker's metrics on every database: jobs counted by topic and outcome, and the queue's depth
// and oldest due age read from the shared outbox table at scrape time.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { Registry } from 'prom-client';
import { eachDialect, startTestEnv, type TestEnv } from '../../../../test/support/app.ts';
import { enqueue } from './enqueue.ts';
import { OutboxWorker, PermanentJobError } from './worker.ts';
import { outboxMetrics } from './outbox-metrics.ts';

const silent = pino({ level: 'silent' });

async function value(registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = await registry.getSingleMetric(name)!.get();
  return metric.values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))?.value;
}

eachDialect((dialect) => {
  let t: TestEnv;
  before(async () => { t = await startTestEnv(dialect); });
  after(() => t.close());
  beforeEach(async () => { await t.db.kysely.deleteFrom('outbox').execute(); });

  test('queue depth and oldest due age count only pending jobs that are due', async () => {
    const registry = new Registry();
    outboxMetrics(registry, t.db);
    assert.equal(await value(registry, 'outbox_queue_depth'), 0);
    assert.equal(await value(registry, 'outbox_oldest_due_age_seconds'), 0, 'an empty queue has no age');

    await enqueue(t.db.kysely, 'test.old', {}, { runAt: new Date(Date.now() - 600_000) });
    await enqueue(t.db.kysely, 'test.now', {});
    await enqueue(t.db.kysely, 'test.later', {}, { runAt: new Date(Date.now() + 3_600_000) });
    const done = await enqueue(t.db.kysely, 'test.done', {}, { runAt: new Date(Date.now() - 7_200_000) });
    await t.db.kysely.updateTable('outbox').set({ status: 'done' }).where('id', '=', done).execute();

    assert.equal(await value(registry, 'outbox_queue_depth'), 2, 'the future job and the done job are not waiting');
    const age = (await value(registry, 'outbox_oldest_due_age_seconds'))!;
    assert.ok(age >= 600 && age < 7200, `the oldest due job waited ~600 s, got ${age}`);
  });

  test('every job run is counted by topic and outcome', async () => {
    const registry = new Registry();
    const worker = new OutboxWorker(t.db, new Map([
      ['test.ok', async () => {}],
      ['test.flaky', async () => { throw new Error('try again'); }],
      ['test.bad', async () => { throw new PermanentJobError('bad payload'); }],
    ]), silent, { onJob: outboxMetrics(registry, t.db) });
    await enqueue(t.db.kysely, 'test.ok', {});
    await enqueue(t.db.kysely, 'test.ok', {});
    await enqueue(t.db.kysely, 'test.flaky', {});
    await enqueue(t.db.kysely, 'test.bad', {});
    assert.equal(await worker.tick(), 4);

    assert.equal(await value(registry, 'outbox_jobs_total', { topic: 'test.ok', outcome: 'done' }), 2);
    assert.equal(await value(registry, 'outbox_jobs_total', { topic: 'test.flaky', outcome: 'retry' }), 1);
    assert.equal(await value(registry, 'outbox_jobs_total', { topic: 'test.bad', outcome: 'failed' }), 1);
    assert.equal(await value(registry, 'outbox_queue_depth'), 0, 'the retry is scheduled later, so nothing is due');
  });
});
