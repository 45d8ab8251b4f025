// Lab orders on every database: ordering from the catalog, the technician's worklist, collection,
// results flagged against the ranges, a critical result queued for the ordering clinician in the
// same transaction, verification by a second technician, and bad input with nothing written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, type Clinic, type Staff } from '../../../../test/support/scheduling.ts';
import { createUser, tokenFor, authHeaders } from '../../../../test/support/fixtures.ts';
import { call } from '../../../../test/support/clinical.ts';
import { CRITICAL_RESULT_TOPIC } from './lab.ts';

async function technician(app: FastifyInstance, facilityId: string, name: string): Promise<Staff> {
  const user = await createUser(app.ctx.db, [{ facilityId, role: 'lab_technician' }], { name });
  return { id: user.id, headers: authHeaders(await tokenFor(app, user.id), facilityId) };
}

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let tech: Staff;
  let second: Staff;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    tech = await technician(t.app, clinic.facility.id, 'Lab Amir');
    second = await technician(t.app, clinic.facility.id, 'Lab Nada');
  });
  after(() => t.close());

  async function order(tests: string[]) {
    const p = await createPatient(t.app, clinic);
    const e = (await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId: p.id })).json();
    const res = await call(t.app, clinic.doctor, 'POST', `/encounters/${e.id}/lab-orders`, { tests, priority: 'urgent' });
    assert.equal(res.statusCode, 201, res.body);
    return { encounterId: e.id as string, order: res.json() };
  }
  const outboxFor = async (orderId: string) => (await t.db.kysely.selectFrom('outbox').select(['topic', 'payload']).where('topic', '=', CRITICAL_RESULT_TOPIC).execute())
    .filter((r) => JSON.parse(r.payload).orderId === orderId);

  test('ordered → collected → resulted → verified, results flagged; a critical one notifies the clinician', async () => {
    const { encounterId, order: o } = await order(['718-7', '70569-9']);
    assert.deepEqual(o.tests.map((x: { code: string; value: null }) => [x.code, x.value]), [['70569-9', null], ['718-7', null]]);
    assert.equal((await call(t.app, tech, 'GET', '/lab-orders?status=ordered')).json().items.some((x: { id: string }) => x.id === o.id), true);
    const early = await call(t.app, tech, 'POST', `/lab-orders/${o.id}/results`, { results: [{ code: '718-7', value: 6.1 }] });
    assert.equal(early.statusCode, 409, 'collect first');
    assert.equal((await call(t.app, tech, 'POST', `/lab-orders/${o.id}/collect`)).json().status, 'collected');

    const notOrdered = await call(t.app, tech, 'POST', `/lab-orders/${o.id}/results`, { results: [{ code: '718-7', value: 6.1 }, { code: '2160-0', value: 1 }] });
    assert.equal(notOrdered.statusCode, 422);
    assert.match(notOrdered.json().detail, /2160-0 was not ordered/);
    const badAnswer = await call(t.app, tech, 'POST', `/lab-orders/${o.id}/results`, { results: [{ code: '70569-9', value: 'maybe' }] });
    assert.equal(badAnswer.statusCode, 422);
    const none = await t.db.kysely.selectFrom('lab_order_tests').select('value').where('order_id', '=', o.id).where('value', 'is not', null).execute();
    assert.deepEqual(none, [], 'nothing written by the refused requests');
    assert.deepEqual(await outboxFor(o.id), []);

    const first = await call(t.app, tech, 'POST', `/lab-orders/${o.id}/results`, { results: [{ code: '718-7', value: 6.1 }] });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().status, 'collected', 'one of two tests resulted');
    const queued = await outboxFor(o.id);
    assert.equal(queued.length, 1);
    assert.deepEqual(JSON.parse(queued[0]!.payload).notify, clinic.doctor.id);
    assert.equal(JSON.parse(queued[0]!.payload).results[0].flag, 'critical_low');
    const all = await call(t.app, second, 'POST', `/lab-orders/${o.id}/results`, { results: [{ code: '70569-9', value: 'P. falciparum positive' }] });
    assert.equal(all.json().status, 'resulted');
    assert.deepEqual(all.json().tests.map((x: { flag: string }) => x.flag), ['abnormal', 'critical_low']);

    const self = await call(t.app, tech, 'POST', `/lab-orders/${o.id}/verify`);
    assert.equal(self.statusCode, 409, 'one who entered results does not verify them');
    const third = await technician(t.app, clinic.facility.id, 'Lab Salma');
    const verified = await call(t.app, third, 'POST', `/lab-orders/${o.id}/verify`);
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().verifiedBy, third.id);
    assert.equal((await call(t.app, third, 'POST', `/lab-orders/${o.id}/results`, { results: [{ code: '718-7', value: 12 }] })).statusCode, 409);
    const e = (await call(t.app, clinic.doctor, 'GET', `/encounters/${encounterId}`)).json();
    assert.equal(e.labOrders[0].status, 'verified');
  });

  test('tests not in the catalog are refused; nurses do not order; doctors do not enter results', async () => {
    const p = await createPatient(t.app, clinic);
    const e = (await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId: p.id })).json();
    const bad = await call(t.app, clinic.doctor, 'POST', `/encounters/${e.id}/lab-orders`, { tests: ['718-7', '99999-9'] });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json().detail, /99999-9/);
    assert.equal((await call(t.app, clinic.nurse, 'POST', `/encounters/${e.id}/lab-orders`, { tests: ['718-7'] })).statusCode, 403);
    assert.equal((await t.db.kysely.selectFrom('lab_orders').select('id').where('encounter_id', '=', e.id).execute()).length, 0);
    const { order: o } = await order(['2160-0']);
    assert.equal((await call(t.app, clinic.doctor, 'POST', `/lab-orders/${o.id}/collect`)).statusCode, 403);
  });

  test("another facility's lab order answers 404", async () => {
    const other = await createClinic(t.app);
    const p = await createPatient(t.app, other);
    const e = (await call(t.app, other.doctor, 'POST', '/encounters', { patientId: p.id })).json();
    const o = (await call(t.app, other.doctor, 'POST', `/encounters/${e.id}/lab-orders`, { tests: ['718-7'] })).json();
    for (const path of ['', '/collect']) {
      assert.equal((await call(t.app, tech, path ? 'POST' : 'GET', `/lab-orders/${o.id}${path}`)).statusCode, 404);
    }
  });
});
