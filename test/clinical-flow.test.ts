// The spec's clinical workflow through HTTP on every database: register → book → check in →
// start (opens the encounter) → vitals → diagnosis → note → complete, ending with the encounter and
// the appointment completed and the chart showing it; then a merge moving clinical records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from './support/app.ts';
import { book, createClinic, createPatient, localDay, moveAppointmentTo, nextWeekday, MONDAY, type Clinic } from './support/scheduling.ts';
import { call } from './support/clinical.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
  });
  after(() => t.close());

  async function checkedInToday(patientId: string, time: string): Promise<string> {
    const booked = await book(t.app, clinic.receptionist, { patientId, providerId: clinic.doctor.id, dateTime: `${nextWeekday(MONDAY)} ${time}`, type: 'consultation' });
    assert.equal(booked.statusCode, 201, booked.body);
    await moveAppointmentTo(t.db, booked.json().id, localDay());
    const checkIn = await call(t.app, clinic.receptionist, 'POST', `/appointments/${booked.json().id}/check-in`);
    assert.equal(checkIn.statusCode, 200, checkIn.body);
    return booked.json().id;
  }

  test('check-in → start → vitals → diagnosis → note → complete', async () => {
    const patient = await createPatient(t.app, clinic, { first: 'Musa', last: 'Abdalla' });
    const appointmentId = await checkedInToday(patient.id, '09:00');
    const start = await call(t.app, clinic.doctor, 'POST', `/appointments/${appointmentId}/start`);
    assert.equal(start.statusCode, 200, start.body);
    assert.equal(start.json().status, 'in_progress');
    const encounterId: string = start.json().links.encounterId;

    const worklist = await call(t.app, clinic.doctor, 'GET', `/encounters?status=in_progress&providerId=${clinic.doctor.id}&date=${localDay()}`);
    assert.deepEqual(worklist.json().items.map((e: { id: string }) => e.id), [encounterId]);

    const vitals = await call(t.app, clinic.nurse, 'POST', `/encounters/${encounterId}/vitals`, { temperatureC: 39.1, pulse: 104, systolic: 118, diastolic: 76, weightKg: 64, heightCm: 170 });
    assert.equal(vitals.statusCode, 201, vitals.body);
    assert.deepEqual(vitals.json().abnormal.map((f: { field: string }) => f.field), ['temperatureC', 'pulse']);
    const diagnosis = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/diagnoses`, { code: 'B50.9', type: 'primary' });
    assert.equal(diagnosis.statusCode, 201, diagnosis.body);
    const note = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/notes`, { subjective: 'Fever and rigors', assessment: 'Falciparum malaria', plan: 'Artemether-lumefantrine' });
    assert.equal(note.statusCode, 201, note.body);

    const done = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/complete`);
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().status, 'completed');
    assert.deepEqual([done.json().vitals.length, done.json().diagnoses.length, done.json().notes.length], [1, 1, 1]);
    assert.equal((await call(t.app, clinic.receptionist, 'GET', `/appointments/${appointmentId}`)).json().status, 'completed');

    const chart = (await call(t.app, clinic.doctor, 'GET', `/patients/${patient.id}/chart`)).json();
    assert.equal(chart.latestVitals.temperatureC, 39.1);
    assert.deepEqual(chart.encounters.items.map((e: { status: string; diagnoses: { code: string }[] }) => [e.status, e.diagnoses[0]?.code]), [['completed', 'B50.9']]);
  });

  test("a merge moves the duplicate's encounters, vitals, allergies and problems to the survivor", async () => {
    const survivor = await createPatient(t.app, clinic, { first: 'Halima', last: 'Idris' });
    const duplicate = await createPatient(t.app, clinic, { first: 'Halima', last: 'Edris' });
    const e = (await call(t.app, clinic.nurse, 'POST', '/encounters', { patientId: duplicate.id })).json();
    await call(t.app, clinic.nurse, 'POST', `/encounters/${e.id}/vitals`, { pulse: 77 });
    await call(t.app, clinic.nurse, 'POST', `/patients/${duplicate.id}/allergies`, { substance: 'Chloroquine', severity: 'moderate' });
    await call(t.app, clinic.doctor, 'POST', `/patients/${duplicate.id}/problems`, { description: 'Asthma' });
    const merge = await call(t.app, clinic.receptionist, 'POST', `/patients/${survivor.id}/merge`, { duplicateId: duplicate.id });
    assert.equal(merge.statusCode, 200, merge.body);
    const chart = (await call(t.app, clinic.doctor, 'GET', `/patients/${survivor.id}/chart`)).json();
    assert.deepEqual(chart.encounters.items.map((x: { id: string }) => x.id), [e.id]);
    assert.equal(chart.latestVitals.pulse, 77);
    assert.deepEqual([chart.allergies.length, chart.problems.length], [1, 1]);
    const event = await t.db.kysely.selectFrom('audit_events').select('details').where('action', '=', 'patient.merge').where('patient_id', '=', survivor.id).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(event.details!).moved, { appointments: 0, encounters: 1, allergies: 1, problems: 1, prescriptions: 0, labOrders: 0, invoices: 0, payments: 0, coverages: 0, contactPreferences: 0 });
    const late = await call(t.app, clinic.nurse, 'POST', `/patients/${duplicate.id}/allergies`, { substance: 'Dust', severity: 'mild' });
    assert.equal(late.statusCode, 409, 'a merged-away record takes no new care');
  });
});
