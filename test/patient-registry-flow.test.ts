// The patient registry with scheduling, through HTTP on every database: the spec's flow (register a
// patient with a minimal body, then book them), and a merge moving the duplicate's appointments to
// the survivor inside the merge's transaction.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from './support/app.ts';
import { book, createClinic, nextWeekday, MONDAY, TUESDAY, type Clinic } from './support/scheduling.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
  });
  after(() => t.close());

  const register = async (body: object) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/patients', headers: clinic.receptionist.headers, payload: body });
    assert.equal(res.statusCode, 201, res.body);
    return res.json<{ id: string; mrn: string }>();
  };
  const appointmentsOf = async (patientId: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/appointments?patientId=${patientId}`, headers: clinic.receptionist.headers });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ items: { id: string; patientId: string; mrn: string }[] }>().items;
  };

  test("the spec's flow: register with a minimal body, then book the patient", async () => {
    const patient = await register({ firstName: 'John', lastName: 'Doe', dateOfBirth: '1990-01-01' });
    assert.ok(patient.id);
    assert.ok(patient.mrn);
    const res = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${nextWeekday(MONDAY)} 10:00:00`, type: 'consultation' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().patientId, patient.id);
  });

  test("a merge moves the duplicate's appointments to the survivor", async () => {
    const survivor = await register({ firstName: 'Awad', lastName: 'Jubara', dateOfBirth: '1966-06-06' });
    const duplicate = await register({ firstName: 'Awad', lastName: 'Gubara', dateOfBirth: '1966-06-06', confirmNew: true });
    const day = nextWeekday(TUESDAY);
    const booked = [];
    for (const time of ['09:00', '11:00']) {
      const res = await book(t.app, clinic.doctor, { patientId: duplicate.id, dateTime: `${day} ${time}`, type: 'follow_up' });
      assert.equal(res.statusCode, 201, res.body);
      booked.push(res.json().id);
    }
    const merge = await t.app.inject({
      method: 'POST', url: `/api/v1/patients/${survivor.id}/merge`, headers: clinic.receptionist.headers, payload: { duplicateId: duplicate.id },
    });
    assert.equal(merge.statusCode, 200, merge.body);

    assert.deepEqual(await appointmentsOf(duplicate.id), []);
    const moved = await appointmentsOf(survivor.id);
    assert.deepEqual(moved.map((a) => a.id).sort(), booked.sort());
    assert.ok(moved.every((a) => a.patientId === survivor.id && a.mrn === survivor.mrn));

    const event = await t.db.kysely.selectFrom('audit_events').select('details')
      .where('action', '=', 'patient.merge').where('patient_id', '=', survivor.id).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(event.details!).moved.appointments, 2);
    const rebook = await book(t.app, clinic.doctor, { patientId: duplicate.id, dateTime: `${day} 13:00`, type: 'follow_up' });
    assert.equal(rebook.statusCode, 400, 'a merged patient cannot be booked');
  });
});
