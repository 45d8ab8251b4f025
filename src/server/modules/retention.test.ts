// The daily data-retention clean-up on every database: only old 'done' outbox rows, expired sign-in
// records and old Idempotency-Key rows go, in bounded batches; audit events stay; with two workers
// and a restart each daily occurrence runs once and the next is scheduled once.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { eachDialect, startTestEnv, type TestEnv } from '../../../test/support/app.ts';
import { createFacility } from '../../../test/support/fixtures.ts';
import { uuidv7 } from '../platform/ids.ts';
import { OutboxWorker } from '../platform/outbox/worker.ts';
import { ensureRecurring, recurringHandlers } from '../platform/outbox/recurring.ts';
import { runRetention, retentionJob, RETENTION_TOPIC } from './retention.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const silent = pino({ level: 'silent' });

eachDialect((dialect) => {
  let t: TestEnv;
  let facilityId: string;
  before(async () => {
    t = await startTestEnv(dialect);
    facilityId = (await createFacility(t.db)).id;
  });
  after(() => t.close());
  beforeEach(async () => { await t.db.kysely.deleteFrom('outbox').execute(); });

  async function outboxRow(status: 'done' | 'failed' | 'pending', processedAt: number | null) {
    const id = uuidv7();
    await t.db.kysely.insertInto('outbox').values({
      id, topic: 'test.retention', payload: '{}', status, attempts: 1, max_attempts: 8, run_at: iso(Date.now() - 90 * DAY),
      locked_by: null, locked_until: null, last_error: null, created_at: iso(Date.now() - 90 * DAY), processed_at: processedAt === null ? null : iso(processedAt), dedupe_key: null,
    }).execute();
    return id;
  }
  async function idemKey(createdAt: number) {
    const key = uuidv7();
    await t.db.kysely.insertInto('idempotency_keys').values({ facility_id: facilityId, idem_key: key, request_hash: '0'.repeat(64), status_code: 201, response: '{}', created_at: iso(createdAt) }).execute();
    return key;
  }
  const auditCount = async () => Number((await t.db.kysely.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('deletes only done outbox rows past OUTBOX_RETENTION_DAYS and Idempotency-Key rows past 30 days, batch by batch', async () => {
    const now = Date.now();
    const oldDone = await Promise.all([40, 41, 42, 43, 45].map((d) => outboxRow('done', now - d * DAY)));
    const kept = [await outboxRow('done', now - 29 * DAY), await outboxRow('failed', now - 60 * DAY), await outboxRow('pending', null)];
    const oldKeys = await Promise.all([31, 35, 60].map((d) => idemKey(now - d * DAY)));
    const recentKey = await idemKey(now - 2 * DAY);
    const audits = await auditCount();

    const deleted = await runRetention(t.db, 30, now, 2); // batches of 2: five old rows take three
    assert.equal(deleted.outboxRows, 5);
    assert.equal(deleted.idempotencyKeys, 3);
    const left = (await t.db.kysely.selectFrom('outbox').select('id').execute()).map((r) => r.id);
    assert.deepEqual(left.sort(), [...kept].sort());
    for (const id of oldDone) assert.ok(!left.includes(id));
    const keys = (await t.db.kysely.selectFrom('idempotency_keys').select('idem_key').where('facility_id', '=', facilityId).execute()).map((r) => r.idem_key);
    assert.deepEqual(keys, [recentKey]);
    for (const k of oldKeys) assert.ok(!keys.includes(k));
    assert.equal(await auditCount(), audits, 'audit events are never deleted');

    assert.deepEqual(await runRetention(t.db, 30, now, 2), { authRecords: 0, outboxRows: 0, idempotencyKeys: 0 }, 'a second run finds nothing');
  });

  test('two workers and a restart: one clean-up run per daily occurrence, the next scheduled once', async () => {
    await outboxRow('done', Date.now() - 40 * DAY);
    const job = retentionJob(t.db, 30, silent);
    // Both workers start together, as if the last occurrence was missed while everything was down.
    const from = new Date(Date.now() - 2 * DAY);
    await Promise.all([ensureRecurring(t.db, [job], from), ensureRecurring(t.db, [job], from)]);
    const workers = [1, 2].map(() => new OutboxWorker(t.db, new Map(recurringHandlers(t.db, [job])), silent));
    for (let i = 0; i < 3; i++) await Promise.all(workers.map((w) => w.tick()));
    const rows = () => t.db.kysely.selectFrom('outbox').select(['topic', 'status', 'run_at', 'attempts']).orderBy('run_at').execute();
    const next = job.next(new Date()).toISOString();
    assert.deepEqual((await rows()).map((r) => [r.topic, r.status, r.attempts]), [
      [RETENTION_TOPIC, 'done', 1], // the catch-up run, once; the 40-day-old row is gone
      [RETENTION_TOPIC, 'pending', 0],
    ]);
    assert.equal((await rows())[1]?.run_at, next);
    assert.ok(next.endsWith('T02:30:00.000Z'));
    await Promise.all([ensureRecurring(t.db, [job]), ensureRecurring(t.db, [job])]); // restart
    assert.equal((await rows()).length, 2);
  });
});
