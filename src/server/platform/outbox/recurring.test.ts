// Recurring jobs on every database: an occurrence is scheduled once however many workers start at
// once, runs once with two workers draining, and after a restart or a re-run (crash after the
// work) the next occurrence still exists exactly once.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { eachDialect, startTestEnv, type TestEnv } from '../../../../test/support/app.ts';
import { enqueue } from './enqueue.ts';
import { OutboxWorker } from './worker.ts';
import { ensureRecurring, recurringHandlers, dailyAtUtc, occurrenceKey, type RecurringJob } from './recurring.ts';

const silent = pino({ level: 'silent' });
const HOUR = 3_600_000;

test('dailyAtUtc answers the next time of day strictly after its argument', () => {
  const next = dailyAtUtc(2, 30);
  assert.equal(next(new Date('2026-11-27T01:00:00Z')).toISOString(), '2026-11-27T02:30:00.000Z');
  assert.equal(next(new Date('2026-11-27T02:30:00Z')).toISOString(), '2026-11-28T02:30:00.000Z');
  assert.equal(next(new Date('2026-12-31T23:00:00Z')).toISOString(), '2027-01-01T02:30:00.000Z');
});

eachDialect((dialect) => {
  let t: TestEnv;
  before(async () => { t = await startTestEnv(dialect); });
  after(() => t.close());
  beforeEach(async () => { await t.db.kysely.deleteFrom('outbox').execute(); });

  const rows = (topic: string) => t.db.kysely.selectFrom('outbox').select(['status', 'run_at', 'dedupe_key']).where('topic', '=', topic).orderBy('run_at').execute();

  /** Hourly on a grid anchored three hours ago, so the first occurrence after the anchor is already due. */
  function hourly(topic: string) {
    const anchor = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR;
    const dues: string[] = [];
    const job: RecurringJob = {
      topic,
      next: (from) => new Date(anchor + (Math.floor((from.getTime() - anchor) / HOUR) + 1) * HOUR),
      run: async (due) => { dues.push(due.toISOString()); },
    };
    return { job, dues, anchor };
  }

  test('enqueue with a dedupe key inserts once, also when two inserts race, and leaves a caller transaction usable', async () => {
    const dedupe = { key: 'test.once@2026-11-27T02:30:00.000Z', client: t.db.client };
    const ids = await Promise.all([1, 2, 3].map(() => enqueue(t.db.kysely, 'test.once', {}, { dedupe })));
    assert.equal(ids.filter((id) => id !== null).length, 1);
    await t.db.kysely.transaction().execute(async (trx) => {
      assert.equal(await enqueue(trx, 'test.once', {}, { dedupe }), null);
      await enqueue(trx, 'test.plain', {}); // the transaction goes on after the ignored insert
    });
    // Ordinary jobs have no key: many NULLs are allowed.
    await enqueue(t.db.kysely, 'test.plain', {});
    assert.equal((await rows('test.once')).length, 1);
    assert.equal((await rows('test.plain')).length, 2);
  });

  test('two workers starting at once schedule one row, run the occurrence once and schedule the next once; a restart adds nothing', async () => {
    const { job, dues, anchor } = hourly('test.hourly');
    await Promise.all([ensureRecurring(t.db, [job], new Date(anchor)), ensureRecurring(t.db, [job], new Date(anchor))]);
    assert.deepEqual((await rows('test.hourly')).map((r) => r.dedupe_key), [occurrenceKey('test.hourly', new Date(anchor + HOUR))]);

    const workers = [1, 2].map(() => new OutboxWorker(t.db, new Map(recurringHandlers(t.db, [job])), silent));
    for (let i = 0; i < 3; i++) await Promise.all(workers.map((w) => w.tick()));
    // The occurrence due two hours ago ran once; the worker, back late, catches up once (not for
    // each missed hour) and schedules the next hour to come.
    assert.deepEqual(dues, [new Date(anchor + HOUR).toISOString()]);
    const nextDue = job.next(new Date());
    assert.ok(nextDue.getTime() > Date.now());
    assert.deepEqual((await rows('test.hourly')).map((r) => [r.status, r.dedupe_key]), [
      ['done', occurrenceKey('test.hourly', new Date(anchor + HOUR))],
      ['pending', occurrenceKey('test.hourly', nextDue)],
    ]);

    // Restart: the new workers ensure their jobs again — the pending occurrence is already there.
    await Promise.all([ensureRecurring(t.db, [job]), ensureRecurring(t.db, [job])]);
    assert.equal((await rows('test.hourly')).length, 2);
  });

  test('an occurrence run again (a crash after its work) schedules the next one only once', async () => {
    const { job, dues, anchor } = hourly('test.rerun');
    const handler = recurringHandlers(t.db, [job], () => new Date(anchor + 90 * 60_000))[0]![1];
    const payload = { due: new Date(anchor + HOUR).toISOString() };
    const meta = { id: 'x', topic: 'test.rerun', attempt: 1, maxAttempts: 8 };
    await handler(payload, meta);
    await handler(payload, { ...meta, attempt: 2 });
    assert.equal(dues.length, 2, 'at-least-once: the work itself ran twice');
    assert.deepEqual((await rows('test.rerun')).map((r) => r.dedupe_key), [occurrenceKey('test.rerun', new Date(anchor + 2 * HOUR))]);
  });

  test('a run that fails for good still leaves the next occurrence scheduled', async () => {
    const { job, anchor } = hourly('test.failing');
    job.run = async () => { throw new Error('boom'); };
    await ensureRecurring(t.db, [job], new Date(anchor));
    const worker = new OutboxWorker(t.db, new Map(recurringHandlers(t.db, [job])), silent, { maxAttempts: 1 });
    await worker.tick();
    assert.deepEqual((await rows('test.failing')).map((r) => r.status), ['failed', 'pending']);
  });
});
