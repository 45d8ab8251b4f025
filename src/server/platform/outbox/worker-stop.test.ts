// The worker's retry policy and shutdown on every database: backoff with jitter, the configured
// maximum of attempts (the dead job keeps its last error), and stop() that finishes the job in
// hand within the grace period or else releases its claim without burning an attempt.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { eachDialect, startTestEnv, type TestEnv } from '../../../../test/support/app.ts';
import { enqueue } from './enqueue.ts';
import { OutboxWorker, retryDelayMs, type JobHandler, type WorkerOptions } from './worker.ts';

const silent = pino({ level: 'silent' });

test('the retry delay doubles per attempt within ±20% jitter, and jitter spreads it', () => {
  for (const attempt of [1, 2, 3, 10]) {
    const base = Math.min(2 ** attempt * 1000, 3_600_000);
    assert.equal(retryDelayMs(attempt, 0), base * 0.8);
    assert.equal(retryDelayMs(attempt, 1), base * 1.2);
  }
  assert.equal(retryDelayMs(30, 0.5), 3_600_000, 'capped at an hour');
  const spread = new Set(Array.from({ length: 50 }, () => retryDelayMs(3)));
  assert.ok(spread.size > 10, `50 delays should differ, got ${spread.size} distinct`);
  assert.ok(retryDelayMs(2, 1) < retryDelayMs(3, 0), 'the worst case still grows from one attempt to the next');
});

eachDialect((dialect) => {
  let t: TestEnv;
  before(async () => { t = await startTestEnv(dialect); });
  after(() => t.close());
  beforeEach(async () => { await t.db.kysely.deleteFrom('outbox').execute(); });

  const job = (id: string) => t.db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const worker = (handlers: Record<string, JobHandler>, opts: WorkerOptions = {}) => new OutboxWorker(t.db, new Map(Object.entries(handlers)), silent, opts);

  test('maxAttempts (OUTBOX_MAX_ATTEMPTS) makes a job dead sooner, keeping its last error', async () => {
    const id = await enqueue(t.db.kysely, 'test.max', {}, { maxAttempts: 8 });
    const w = worker({ 'test.max': async (_p, j) => { throw new Error(`down #${j.attempt}`); } }, { maxAttempts: 2 });
    assert.equal(await w.tick(), 1);
    assert.equal((await job(id)).status, 'pending');
    await t.db.kysely.updateTable('outbox').set({ run_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', id).execute();
    assert.equal(await w.tick(), 1);
    const dead = await job(id);
    assert.deepEqual([dead.status, dead.attempts, dead.last_error], ['failed', 2, 'down #2']);
  });

  test('stop() lets the job in hand finish within the grace period', async () => {
    const id = await enqueue(t.db.kysely, 'test.slow', {});
    let started!: () => void;
    const running = new Promise<void>((r) => { started = r; });
    const w = worker({ 'test.slow': async () => { started(); await new Promise((r) => setTimeout(r, 300)); } }, { pollMs: 10, stopGraceMs: 5000 });
    w.start();
    await running;
    await w.stop();
    const row = await job(id);
    assert.deepEqual([row.status, row.attempts], ['done', 1]);
  });

  test('stop() past the grace period releases the claim: pending again, the attempt not counted, the batch rest untouched', async () => {
    const stuck = await enqueue(t.db.kysely, 'test.stuck', {});
    const next = await enqueue(t.db.kysely, 'test.stuck', {}, { runAt: new Date(Date.now() - 1000) });
    let started!: () => void;
    const running = new Promise<void>((r) => { started = r; });
    let release!: () => void;
    const hang = new Promise<void>((r) => { release = r; });
    const ran: string[] = [];
    const w = worker({ 'test.stuck': async (_p, j) => { ran.push(j.id); started(); await hang; } }, { pollMs: 10, stopGraceMs: 100, batchSize: 5 });
    w.start();
    await running;
    const t0 = Date.now();
    await w.stop();
    assert.ok(Date.now() - t0 < 2000, 'stop() returned after about the grace period');
    for (const id of [stuck, next]) {
      const row = await job(id);
      assert.deepEqual([row.status, row.attempts, row.locked_by, row.locked_until], ['pending', 0, null, null], `job ${id}`);
    }
    // The handler that overran finishes later: the job it no longer holds is not marked done.
    release();
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(ran, [next], 'the older job ran first; the other one was never started');
    assert.equal((await job(next)).status, 'pending');

    const again: string[] = [];
    const other = worker({ 'test.stuck': async (_p, j) => { again.push(j.id); } });
    assert.equal(await other.tick(), 2, 'another worker takes both at once, without waiting for the claim to expire');
    assert.deepEqual(new Set(again), new Set([stuck, next]));
    assert.equal((await job(stuck)).attempts, 1);
  });
});
