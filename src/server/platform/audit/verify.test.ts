// The audit hash chain on every database: appends (also 50 at once, which on PostgreSQL and MySQL
// race for the head row) keep it intact, the triggers refuse tampering through SQL, and once an
// attacker drops them the verifier names every changed, deleted or cut-off event. The tests run
// in order on one database per dialect; each step starts where the last one left it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { dropAuditTriggers, rewriteAction, deleteEvent } from '../../../../test/support/audit-tamper.ts';
import { verifyAuditChain, GENESIS_HASH, MAX_PROBLEMS, type ChainReport } from './verify.ts';
import { uuidv7 } from '../ids.ts';

const SEQUENTIAL = 60;
const PARALLEL = 50;

/** Each problem as "seq kind", kind being the verifier's own words that tell the cases apart. */
function summary(report: ChainReport): string[] {
  const kinds: [RegExp, string][] = [[/changed/, 'changed'], [/missing: deleted/, 'deleted'], [/tail truncated/, 'truncated'], [/past the head/, 'beyond-head'], [/prev_hash/, 'relinked']];
  return report.problems.map((p) => `${p.seq} ${kinds.find(([re]) => re.test(p.problem))?.[1] ?? p.problem}`);
}

eachDialect((dialect) => {
  let t: TestApp;
  before(async () => { t = await startTestApp(dialect); });
  after(() => t.close());

  const seqs = async () => (await t.db.kysely.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
  const record = (i: number) => t.app.ctx.audit.record({
    action: `test.event_${i}`, actorId: uuidv7(), facilityId: uuidv7(), patientId: i % 2 ? uuidv7() : null,
    targetType: 'test', targetId: String(i), ip: '10.0.0.1', userAgent: 'verify-test', requestId: `r-${i}`,
    details: { i, note: 'مرحبا', nested: { ok: true } },
  });

  test('an empty log verifies', async () => {
    assert.deepEqual(await verifyAuditChain(t.db), { ok: true, checked: 0, problems: [] });
  });

  test('sequential appends chain from the genesis hash and verify, whatever the batch size', async () => {
    for (let i = 1; i <= SEQUENTIAL; i++) await record(i);
    const first = await t.db.kysely.selectFrom('audit_events').select(['seq', 'prev_hash']).where('seq', '=', 1).executeTakeFirstOrThrow();
    assert.equal(first.prev_hash, GENESIS_HASH);
    for (const batchSize of [1, 7, SEQUENTIAL, 1000]) {
      assert.deepEqual(await verifyAuditChain(t.db, { batchSize }), { ok: true, checked: SEQUENTIAL, problems: [] }, `batch size ${batchSize}`);
    }
  });

  test(`${PARALLEL} parallel appends get unique, contiguous seqs and the chain still verifies`, async () => {
    await Promise.all(Array.from({ length: PARALLEL }, (_, i) => record(SEQUENTIAL + i + 1)));
    const total = SEQUENTIAL + PARALLEL;
    assert.deepEqual(await seqs(), Array.from({ length: total }, (_, i) => i + 1));
    const head = await t.db.kysely.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow();
    assert.equal(Number(head.seq), total);
    assert.deepEqual(await verifyAuditChain(t.db, { batchSize: 16 }), { ok: true, checked: total, problems: [] });
  });

  test('with the triggers in place, UPDATE and DELETE are refused and nothing changes', async () => {
    await assert.rejects(rewriteAction(t.db, 10, 'test.tampered'), /append-only/);
    await assert.rejects(deleteEvent(t.db, 10), /append-only/);
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });

  test('after dropping the triggers, an UPDATE is reported as that event changed', async () => {
    await dropAuditTriggers(t.db);
    await rewriteAction(t.db, 10, 'test.tampered');
    const report = await verifyAuditChain(t.db, { batchSize: 16 });
    assert.equal(report.ok, false);
    assert.equal(report.checked, SEQUENTIAL + PARALLEL);
    assert.deepEqual(summary(report), ['10 changed']);
    const row = await t.db.kysely.selectFrom('audit_events').select('id').where('seq', '=', 10).executeTakeFirstOrThrow();
    assert.equal(report.problems[0]!.id, row.id);
  });

  test('a deleted event is reported as a gap', async () => {
    await deleteEvent(t.db, 30);
    await deleteEvent(t.db, 31);
    const report = await verifyAuditChain(t.db, { batchSize: 16 });
    assert.equal(report.checked, SEQUENTIAL + PARALLEL - 2);
    assert.deepEqual(summary(report), ['10 changed', '30 deleted']);
    assert.match(report.problems[1]!.problem, /events 30–31 are missing/);
  });

  test('a cut-off tail is caught by the head row', async () => {
    const last = SEQUENTIAL + PARALLEL;
    await deleteEvent(t.db, last);
    assert.deepEqual(summary(await verifyAuditChain(t.db)), ['10 changed', '30 deleted', `${last} truncated`]);
  });

  test('a head moved back is caught', async () => {
    await t.db.kysely.updateTable('audit_chain_head').set({ seq: 100 }).where('id', '=', 1).execute();
    assert.deepEqual(summary(await verifyAuditChain(t.db)), ['10 changed', '30 deleted', '100 beyond-head']);
  });

  test('an event rewritten with a recomputed hash breaks the link from the next one', async () => {
    await sql`update audit_events set hash = ${'f'.repeat(64)} where seq = ${50}`.execute(t.db.kysely);
    assert.deepEqual(summary(await verifyAuditChain(t.db)), ['10 changed', '30 deleted', '50 changed', '51 relinked', '100 beyond-head']);
  });

  test(`the list of problems stops at ${MAX_PROBLEMS}, but every event is still checked`, async () => {
    await sql`update audit_events set details = ${'{}'}`.execute(t.db.kysely);
    const report = await verifyAuditChain(t.db, { batchSize: 16 });
    assert.equal(report.ok, false);
    assert.equal(report.problems.length, MAX_PROBLEMS);
    assert.equal(report.checked, SEQUENTIAL + PARALLEL - 3);
  });
});
