// movePatientAppointments, as the patients merge calls it inside its transaction, on every database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { book, createClinic, createPatient, nextWeekday, type Clinic, MONDAY } from '../../../../test/support/scheduling.ts';
import { movePatientAppointments } from './merge.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
  });
  after(() => t.close());

  test("moves the duplicate's appointments to the survivor, with a history event each", async () => {
    const survivor = await createPatient(t.app, clinic);
    const duplicate = await createPatient(t.app, clinic);
    const bystander = await createPatient(t.app, clinic);
    const date = nextWeekday(MONDAY);
    const ids: string[] = [];
    for (const [p, time] of [[duplicate, '09:00'], [duplicate, '10:00'], [bystander, '11:00'], [survivor, '12:00']] as const) {
      const res = await book(t.app, clinic.doctor, { patientId: p.id, dateTime: `${date} ${time}`, type: 'follow_up' });
      assert.equal(res.statusCode, 201, res.body);
      ids.push(res.json().id);
    }
    const moved = await t.db.kysely.transaction().execute((trx) => movePatientAppointments(trx, clinic.facility.id, duplicate.id, survivor.id));
    assert.equal(moved, 2);

    const list = await t.app.inject({ method: 'GET', url: `/api/v1/appointments?patientId=${survivor.id}`, headers: clinic.receptionist.headers });
    assert.deepEqual(list.json().items.map((a: { id: string }) => a.id), [ids[0], ids[1], ids[3]]);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/appointments?patientId=${duplicate.id}`, headers: clinic.receptionist.headers })).json().items.length, 0);
    const history = await t.app.inject({ method: 'GET', url: `/api/v1/appointments/${ids[0]}/history`, headers: clinic.receptionist.headers });
    const merged = history.json().items.at(-1);
    assert.equal(merged.action, 'patient_merged');
    assert.deepEqual([merged.old.patientId, merged.new.patientId], [duplicate.id, survivor.id]);
  });

  test('touches nothing in another facility, and nothing when rolled back', async () => {
    const other = await createClinic(t.app);
    const a = await createPatient(t.app, other);
    const b = await createPatient(t.app, other);
    const res = await book(t.app, other.doctor, { patientId: a.id, dateTime: `${nextWeekday(MONDAY)} 09:00`, type: 'consultation' });
    assert.equal(res.statusCode, 201);
    const moved = await t.db.kysely.transaction().execute((trx) => movePatientAppointments(trx, clinic.facility.id, a.id, b.id));
    assert.equal(moved, 0, "the caller's facility has no appointments of that patient");
    await assert.rejects(t.db.kysely.transaction().execute(async (trx) => {
      assert.equal(await movePatientAppointments(trx, other.facility.id, a.id, b.id), 1);
      throw new Error('merge failed later');
    }), /merge failed later/);
    const row = await t.db.kysely.selectFrom('appointments').select('patient_id').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    assert.equal(row.patient_id, a.id);
  });
});
