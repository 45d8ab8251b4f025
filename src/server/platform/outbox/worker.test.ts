// The transactional outbox and its worker on every database: a job exists only if its transaction
// committed, runs once, is retried with backoff, fails for good after max_attempts, survives a
// dead worker's expired claim, and is never run twice by workers ticking side by side.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { eachDialect, startTestEnv, type TestEnv } from '../../../../test/support/app.ts';
import { enqueue } from './enqueue.ts';
import { OutboxWorker, PermanentJobError, type JobHandler } from './worker.ts';
import { workerAlive } from './heartbeat.ts';

const silent = pino({ level: 'silent' });
const PAST = '2000-01-01T00:00:00.000Z';

interface Call { id: string; topic: string; attempt: number; payload: unknown }

function recorder(impl: (call: Call) => Promise<void> = async () => {}) {
  const calls: Call[] = [];
  const handler: JobHandler = async (payload, job) => {
    const call = { ...job, payload };
    calls.push(call);
    await impl(call);
  };
  return { calls, handler };
}

/**
 * Ticks the workers together, round after round, so their claim transactions overlap, until a
 * round where none ran anything and none failed. A failed tick is kept and the next round goes on,
 * as OutboxWorker.start() does.
 */
async function lockstep(workers: OutboxWorker[], maxRounds: number): Promise<{ errors: string[] }> {
  const errors: string[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const results = await Promise.allSettled(workers.map((w) => w.tick()));
    let ran = 0;
    for (const r of results) {
      if (r.status === 'rejected') errors.push(r.reason instanceof Error ? r.reason.message : String(r.reason));
      else ran += r.value;
    }
    if (ran === 0 && results.every((r) => r.status === 'fulfilled')) break;
  }
  return { errors };
}

eachDialect((dialect) => {
  let t: TestEnv;
  before(async () => { t = await startTestEnv(dialect); });
  after(() => t.close());
  // Every worker claims every due job in the table, so each test starts with an empty outbox.
  beforeEach(async () => { await t.db.kysely.deleteFrom('outbox').execute(); });

  const job = (id: string) => t.db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const count = async () => Number((await t.db.kysely.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const worker = (handlers: Record<string, JobHandler>, opts = {}) => new OutboxWorker(t.db, new Map(Object.entries(handlers)), silent, opts);

  test('a job enqueued in a transaction that rolls back does not exist', async () => {
    await assert.rejects(t.db.kysely.transaction().execute(async (trx) => {
      await enqueue(trx, 'test.rollback', { n: 1 });
      assert.equal(Number((await trx.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 1, 'visible inside its transaction');
      throw new Error('roll back');
    }), /roll back/);
    assert.equal(await count(), 0);
    const { calls, handler } = recorder();
    assert.equal(await worker({ 'test.rollback': handler }).tick(), 0);
    assert.equal(calls.length, 0);
  });

  test('a committed job runs once with its payload and is marked done', async () => {
    const payload = { patientId: 'p-1', text: 'مرحبا', amount: 12500, tags: ['a', 'b'], nested: { ok: true, none: null } };
    const id = await t.db.kysely.transaction().execute((trx) => enqueue(trx, 'test.ok', payload));
    const row = await job(id);
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 0);

    const { calls, handler } = recorder();
    const w = worker({ 'test.ok': handler });
    assert.equal(await w.tick(), 1);
    assert.deepEqual(calls, [{ id, topic: 'test.ok', attempt: 1, maxAttempts: 8, payload }]);
    const done = await job(id);
    assert.equal(done.status, 'done');
    assert.equal(done.attempts, 1);
    assert.equal(done.last_error, null);
    assert.equal(done.locked_until, null);
    assert.ok(done.processed_at && !Number.isNaN(Date.parse(done.processed_at)));

    assert.equal(await w.tick(), 0, 'a done job is not claimed again');
    assert.equal(await worker({ 'test.ok': handler }).tick(), 0, 'not by another worker either');
    assert.equal(calls.length, 1);
  });

  test('a job whose run_at is in the future waits', async () => {
    const id = await enqueue(t.db.kysely, 'test.later', {}, { runAt: new Date(Date.now() + 3_600_000) });
    const { calls, handler } = recorder();
    assert.equal(await worker({ 'test.later': handler }).tick(), 0);
    assert.equal(calls.length, 0);
    assert.equal((await job(id)).status, 'pending');
  });

  test('a failing job is retried later and fails for good after max_attempts', async () => {
    const id = await enqueue(t.db.kysely, 'test.flaky', { x: 1 }, { maxAttempts: 3 });
    const { calls, handler } = recorder(async (c) => { throw new Error(`provider down (attempt ${c.attempt})`); });
    const w = worker({ 'test.flaky': handler });

    for (const attempt of [1, 2]) {
      assert.equal(await w.tick(), 1);
      const row = await job(id);
      assert.equal(row.status, 'pending', `attempt ${attempt} is retried`);
      assert.equal(row.attempts, attempt);
      assert.equal(row.last_error, `provider down (attempt ${attempt})`);
      assert.equal(row.locked_until, null);
      assert.ok(Date.parse(row.run_at) > Date.now(), `retry after attempt ${attempt} is scheduled in the future, got ${row.run_at}`);
      assert.equal(await w.tick(), 0, 'not retried before run_at');
      await t.db.kysely.updateTable('outbox').set({ run_at: PAST }).where('id', '=', id).execute();
    }

    assert.equal(await w.tick(), 1);
    const failed = await job(id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts, 3);
    assert.equal(failed.last_error, 'provider down (attempt 3)');
    assert.equal(failed.processed_at, null);
    assert.deepEqual(calls.map((c) => c.attempt), [1, 2, 3]);

    await t.db.kysely.updateTable('outbox').set({ run_at: PAST }).where('id', '=', id).execute();
    assert.equal(await w.tick(), 0, 'a failed job is never claimed again');
    assert.equal(calls.length, 3);
  });

  test('the backoff grows with each attempt', async () => {
    const id = await enqueue(t.db.kysely, 'test.backoff', {}, { maxAttempts: 5 });
    const w = worker({ 'test.backoff': async () => { throw new Error('no'); } });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const from = Date.now();
      await w.tick();
      delays.push(Date.parse((await job(id)).run_at) - from);
      await t.db.kysely.updateTable('outbox').set({ run_at: PAST }).where('id', '=', id).execute();
    }
    assert.ok(delays[0]! < delays[1]! && delays[1]! < delays[2]!, `delays ${delays.join(', ')} should grow`);
  });

  test('a PermanentJobError fails the job at once', async () => {
    const id = await enqueue(t.db.kysely, 'test.permanent', {}, { maxAttempts: 5 });
    const { calls, handler } = recorder(async () => { throw new PermanentJobError('unknown recipient'); });
    assert.equal(await worker({ 'test.permanent': handler }).tick(), 1);
    const row = await job(id);
    assert.deepEqual([row.status, row.attempts, row.last_error], ['failed', 1, 'unknown recipient']);
    assert.equal(calls.length, 1);
  });

  test('a job with no handler for its topic fails permanently', async () => {
    const id = await enqueue(t.db.kysely, 'test.nobody-listens', { a: 1 }, { maxAttempts: 5 });
    const { calls, handler } = recorder();
    const w = worker({ 'test.other': handler });
    assert.equal(await w.tick(), 1);
    const row = await job(id);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 1);
    assert.match(row.last_error ?? '', /no handler for topic test\.nobody-listens/);
    await t.db.kysely.updateTable('outbox').set({ run_at: PAST }).where('id', '=', id).execute();
    assert.equal(await w.tick(), 0);
    assert.equal(calls.length, 0);
  });

  test('a job whose claim expired is picked up again; a live claim is left alone', async () => {
    const expired = await enqueue(t.db.kysely, 'test.orphan', { which: 'expired' });
    const live = await enqueue(t.db.kysely, 'test.orphan', { which: 'live' });
    // As a worker that died (or is still busy) mid-job leaves them.
    await t.db.kysely.updateTable('outbox').set({ status: 'processing', attempts: 1, locked_by: 'dead-worker', locked_until: PAST })
      .where('id', '=', expired).execute();
    await t.db.kysely.updateTable('outbox').set({ status: 'processing', attempts: 1, locked_by: 'busy-worker', locked_until: new Date(Date.now() + 3_600_000).toISOString() })
      .where('id', '=', live).execute();

    const { calls, handler } = recorder();
    const w = worker({ 'test.orphan': handler });
    assert.equal(await w.tick(), 1);
    assert.deepEqual(calls.map((c) => [c.id, c.attempt, c.payload]), [[expired, 2, { which: 'expired' }]]);
    const row = await job(expired);
    assert.deepEqual([row.status, row.attempts, row.locked_by], ['done', 2, w.id]);
    const untouched = await job(live);
    assert.deepEqual([untouched.status, untouched.attempts, untouched.locked_by], ['processing', 1, 'busy-worker']);
  });

  test('two workers ticking at once run each of 20 jobs exactly once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add(await enqueue(t.db.kysely, 'test.parallel', { i }));
    const runs = new Map<string, string[]>();
    const handlerFor = (name: string): JobHandler => async (_payload, j) => { runs.set(j.id, [...(runs.get(j.id) ?? []), name]); };
    const a = worker({ 'test.parallel': handlerFor('a') }, { batchSize: 3 });
    const b = worker({ 'test.parallel': handlerFor('b') }, { batchSize: 3 });
    // Without row locks both would claim the same rows. A tick that fails is retried next round,
    // as start() does; that ticks should not fail at all is the next test.
    await lockstep([a, b], 50);

    assert.deepEqual(new Set(runs.keys()), ids);
    for (const [id, by] of runs) assert.equal(by.length, 1, `job ${id} ran ${by.length} times (${by.join(', ')})`);
    const rows = await t.db.kysely.selectFrom('outbox').select(['status', 'attempts']).execute();
    assert.equal(rows.length, 20);
    assert.ok(rows.every((r) => r.status === 'done' && r.attempts === 1), JSON.stringify(rows));
    assert.equal(await a.tick() + await b.tick(), 0);
  });

  test('workers claiming side by side never fail on lock conflicts', async () => {
    // Many small claims in lockstep: every round, both claim transactions overlap.
    for (let i = 0; i < 200; i++) await enqueue(t.db.kysely, 'test.contention', { i });
    let ran = 0;
    const handlers = { 'test.contention': async () => { ran++; } };
    const { errors } = await lockstep([worker(handlers, { batchSize: 1 }), worker(handlers, { batchSize: 1 })], 400);
    assert.equal(ran, 200);
    assert.deepEqual(errors, [], `${errors.length} ticks failed`);
  });

  test('a tick writes a heartbeat, so workerAlive passes', async () => {
    await t.db.kysely.deleteFrom('worker_heartbeats').execute();
    await assert.rejects(workerAlive(t.db), /no worker has reported/);
    const w = worker({});
    assert.equal(await w.tick(), 0);
    const beats = await t.db.kysely.selectFrom('worker_heartbeats').selectAll().execute();
    assert.deepEqual(beats.map((b) => b.worker_id), [w.id]);
    assert.ok(Date.parse(beats[0]!.beat_at) >= Date.parse(beats[0]!.started_at));
    await workerAlive(t.db);
  });

  test('start() polls and stop() waits for the current pass', async () => {
    const id = await enqueue(t.db.kysely, 'test.loop', { via: 'start' });
    let resolveRan: () => void = () => {};
    const ran = new Promise<void>((resolve) => { resolveRan = resolve; });
    const w = worker({ 'test.loop': async () => { resolveRan(); } }, { pollMs: 10 });
    w.start();
    await ran;
    await w.stop();
    // stop() returns only after the pass that ran the job has marked it done.
    assert.equal((await job(id)).status, 'done');
  });
});
