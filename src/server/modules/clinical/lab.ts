// Lab orders: ordered → collected → resulted → verified. Tests come from the lab catalog
// (terminology's findLabTests); results are flagged against the catalog's ranges (flagLabResult,
// with the patient's sex), and a critical one puts a notification for the ordering clinician in
// the outbox in the same transaction as the result. A second technician verifies.
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso, uuidv7 } from '../../platform/ids.ts';
import { enqueue } from '../../platform/outbox/enqueue.ts';
import { findLabTests, flagLabResult, isCriticalFlag, type LabTest } from '../terminology/index.ts';
import type { LabOrderStatus, LabOrderTable, LabOrderTestTable } from './clinical.table.ts';
import type { Caller, Executor } from './clinical-deps.ts';
import { unprocessable } from './amendment.ts';
import { withEncounter } from './record-entries.ts';

export const CRITICAL_RESULT_TOPIC = 'lab.critical_result';

const range = (t: LabTest) => (t.kind === 'coded' ? (t.normalAnswers.join(' / ') || null) : t.low !== null || t.high !== null ? `${t.low ?? ''}–${t.high ?? ''}` : null);

export async function orderLabTests(ctx: AppContext, caller: Caller, encounterId: string, codes: string[], priority: LabOrderTable['priority']): Promise<string> {
  return withEncounter(ctx, caller, encounterId, async (trx, e) => {
    if (e.status === 'completed') throw new AppError('conflict', 'The encounter is completed; order tests in a new encounter.', { currentStatus: e.status });
    const tests = await findLabTests(trx, caller.facilityId, codes);
    const missing = codes.filter((c) => !tests.some((t) => t.code === c.trim()));
    if (missing.length) throw unprocessable('body.tests', `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not in the lab catalog; search with GET /api/v1/terminology/lab-tests?q=`);
    const now = nowIso();
    const order: LabOrderTable = {
      id: uuidv7(), facility_id: caller.facilityId, encounter_id: e.id, patient_id: e.patient_id, priority, status: 'ordered', ordered_by: caller.userId, ordered_at: now,
      collected_by: null, collected_at: null, resulted_by: null, resulted_at: null, verified_by: null, verified_at: null, updated_at: now,
    };
    await trx.insertInto('lab_orders').values(order).execute();
    await trx.insertInto('lab_order_tests').values(tests.map((t) => ({
      id: uuidv7(), facility_id: caller.facilityId, order_id: order.id, test_code: t.code, test_name: t.name, unit: t.unit, value: null, flag: null,
      reference_range: range(t), resulted_by: null, resulted_at: null,
    }))).execute();
    await ctx.audit.record({ ...caller.audit, action: 'lab.order', patientId: e.patient_id, targetType: 'lab_order', targetId: order.id, details: { tests: tests.map((t) => t.code), priority } }, trx);
    return order.id;
  });
}

async function lockOrder(ctx: AppContext, trx: Executor, caller: Caller, id: string): Promise<LabOrderTable> {
  const q = trx.selectFrom('lab_orders').selectAll().where('facility_id', '=', caller.facilityId).where('id', '=', id);
  const order = await (ctx.db.client === 'sqlite' ? q : q.forUpdate()).executeTakeFirst();
  if (!order) throw notFound('Lab order');
  return order;
}

const notAt = (verb: string, status: string) => new AppError('invalid_transition', `Cannot ${verb} a lab order that is ${status}.`, { currentStatus: status });

export async function collectSample(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const order = await lockOrder(ctx, trx, caller, id);
    if (order.status !== 'ordered') throw notAt('collect the sample of', order.status);
    const now = nowIso();
    await trx.updateTable('lab_orders').set({ status: 'collected', collected_by: caller.userId, collected_at: now, updated_at: now }).where('id', '=', id).execute();
    await ctx.audit.record({ ...caller.audit, action: 'lab.collect', patientId: order.patient_id, targetType: 'lab_order', targetId: id }, trx);
  });
}

export async function enterResults(ctx: AppContext, caller: Caller, id: string, results: { code: string; value: number | string }[]): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const order = await lockOrder(ctx, trx, caller, id);
    if (order.status === 'ordered') throw new AppError('invalid_transition', 'Collect the sample first (POST /lab-orders/:id/collect).', { currentStatus: order.status });
    if (order.status !== 'collected') throw notAt('enter results for', order.status);
    const rows = await trx.selectFrom('lab_order_tests').selectAll().where('order_id', '=', id).execute();
    const catalog = await findLabTests(trx, caller.facilityId, rows.map((r) => r.test_code));
    const patient = await trx.selectFrom('patients').select('sex').where('facility_id', '=', caller.facilityId).where('id', '=', order.patient_id).executeTakeFirst();
    const now = nowIso();
    const critical: { code: string; name: string; value: string; flag: string }[] = [];
    for (const [i, r] of results.entries()) {
      const row = rows.find((x) => x.test_code === r.code.trim());
      if (!row) throw unprocessable(`body.results.${i}.code`, `${r.code} was not ordered on this lab order (ordered: ${rows.map((x) => x.test_code).join(', ')})`);
      if (row.value !== null) throw unprocessable(`body.results.${i}.code`, `${r.code} already has a result`);
      const test = catalog.find((t) => t.code === row.test_code);
      if (!test) throw unprocessable(`body.results.${i}.code`, `${r.code} is no longer offered by this facility`);
      if (test.kind === 'numeric' && (typeof r.value !== 'number')) throw unprocessable(`body.results.${i}.value`, `must be a number (${test.unit ?? 'no unit'})`);
      if (test.kind === 'coded' && !test.answers.some((a) => a.toLowerCase() === String(r.value).trim().toLowerCase())) {
        throw unprocessable(`body.results.${i}.value`, `must be one of: ${test.answers.join(', ')}`);
      }
      const flag = flagLabResult(test, r.value, { sex: patient?.sex ?? 'unknown' });
      const value = String(r.value).trim();
      await trx.updateTable('lab_order_tests').set({ value, flag, resulted_by: caller.userId, resulted_at: now } satisfies Partial<LabOrderTestTable>).where('id', '=', row.id).execute();
      row.value = value;
      if (isCriticalFlag(flag)) critical.push({ code: row.test_code, name: row.test_name, value, flag });
    }
    const status: LabOrderStatus = rows.every((x) => x.value !== null) ? 'resulted' : order.status;
    await trx.updateTable('lab_orders').set({ status, resulted_by: caller.userId, resulted_at: now, updated_at: now }).where('id', '=', id).execute();
    if (critical.length) {
      await enqueue(trx, CRITICAL_RESULT_TOPIC, { facilityId: caller.facilityId, orderId: id, encounterId: order.encounter_id, patientId: order.patient_id, notify: order.ordered_by, results: critical });
    }
    await ctx.audit.record({ ...caller.audit, action: 'lab.result', patientId: order.patient_id, targetType: 'lab_order', targetId: id, details: { tests: results.map((r) => r.code), critical: critical.map((c) => c.code) } }, trx);
  });
}

export async function verifyResults(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const order = await lockOrder(ctx, trx, caller, id);
    if (order.status !== 'resulted') throw notAt('verify', order.status);
    const enteredBy = await trx.selectFrom('lab_order_tests').select('resulted_by').where('order_id', '=', id).execute();
    if (enteredBy.some((r) => r.resulted_by === caller.userId)) throw new AppError('conflict', 'Results are verified by a second technician, not by one who entered them.');
    const now = nowIso();
    await trx.updateTable('lab_orders').set({ status: 'verified', verified_by: caller.userId, verified_at: now, updated_at: now }).where('id', '=', id).execute();
    await ctx.audit.record({ ...caller.audit, action: 'lab.verify', patientId: order.patient_id, targetType: 'lab_order', targetId: id }, trx);
  });
}

export async function labOrdersWithTests(db: Executor, orders: LabOrderTable[]) {
  const tests = orders.length ? await db.selectFrom('lab_order_tests').selectAll().where('order_id', 'in', orders.map((o) => o.id)).orderBy('test_code').execute() : [];
  return orders.map((o) => labOrderView(o, tests.filter((t) => t.order_id === o.id)));
}

export const labOrderView = (o: LabOrderTable, tests: LabOrderTestTable[]) => ({
  id: o.id, encounterId: o.encounter_id, patientId: o.patient_id, priority: o.priority, status: o.status, orderedBy: o.ordered_by, orderedAt: o.ordered_at,
  collectedAt: o.collected_at, verifiedBy: o.verified_by, verifiedAt: o.verified_at,
  tests: tests.map((t) => ({ code: t.test_code, name: t.test_name, unit: t.unit, value: t.value, flag: t.flag, referenceRange: t.reference_range, resultedBy: t.resulted_by, resultedAt: t.resulted_at })),
});
