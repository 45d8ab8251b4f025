// Vital signs and SOAP notes on every database: impossible values refused naming the field with
// nothing written, abnormal ones flagged against the adult or the child's age band, BMI computed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, type Clinic } from '../../../../test/support/scheduling.ts';
import { insertPatient } from '../../../../test/support/patients.ts';
import { call, countFor, insertEncounter } from '../../../../test/support/clinical.ts';
import { addDays } from '../../platform/time.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
  });
  after(() => t.close());

  const today = () => new Date().toISOString().slice(0, 10);
  async function encounterFor(dateOfBirth: string) {
    const p = await insertPatient(t.db, clinic.facility.id, { date_of_birth: dateOfBirth, birth_year: Number(dateOfBirth.slice(0, 4)) });
    return insertEncounter(t.db, clinic.facility.id, { patient_id: p.id });
  }
  const flagsOf = (res: { json(): unknown }) => Object.fromEntries((res.json() as { abnormal: { field: string; flag: string }[] }).abnormal.map((f) => [f.field, f.flag]));

  test('impossible values answer 422 naming every field, and nothing is written', async () => {
    const id = await encounterFor('1980-05-05');
    const res = await call(t.app, clinic.nurse, 'POST', `/encounters/${id}/vitals`, { temperatureC: 73, pulse: 720, systolic: 80, diastolic: 120, painScore: 11 });
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(res.json().errors.map((e: { field: string }) => e.field).sort(), ['body.diastolic', 'body.painScore', 'body.pulse', 'body.temperatureC']);
    assert.match(res.json().detail, /pulse/);
    const empty = await call(t.app, clinic.nurse, 'POST', `/encounters/${id}/vitals`, {});
    assert.equal(empty.statusCode, 422);
    const unknown = await call(t.app, clinic.nurse, 'POST', `/encounters/${id}/vitals`, { pulse: 80, bloodType: 'O' });
    assert.equal(unknown.statusCode, 400, 'unknown fields are refused');
    assert.equal((await call(t.app, clinic.receptionist, 'POST', `/encounters/${id}/vitals`, { pulse: 80 })).statusCode, 403);
    assert.equal(await countFor(t.db, 'encounter_vitals', id), 0);
  });

  test('an adult: BMI computed, abnormal values flagged with the adult range', async () => {
    const id = await encounterFor('1980-05-05');
    const res = await call(t.app, clinic.nurse, 'POST', `/encounters/${id}/vitals`, {
      temperatureC: 38.4, pulse: 120, respiratoryRate: 18, systolic: 150, diastolic: 95, spo2: 88, weightKg: 92, heightCm: 175, painScore: 3, bloodGlucoseMmol: 5.4,
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().bmi, 30);
    assert.deepEqual(flagsOf(res), { temperatureC: 'high', pulse: 'high', systolic: 'high', diastolic: 'high', spo2: 'critical_low', bmi: 'high' });
    assert.equal(res.json().abnormal.find((f: { field: string }) => f.field === 'pulse').band, 'adult');
    assert.equal(res.json().recordedBy, clinic.nurse.id);
  });

  test("a child's values are judged by the child's age band", async () => {
    const toddler = await encounterFor(addDays(today(), -3 * 366));
    const res = await call(t.app, clinic.nurse, 'POST', `/encounters/${toddler}/vitals`, { pulse: 120, respiratoryRate: 34, muacMm: 110, weightKg: 11, heightCm: 90 });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(flagsOf(res), { muacMm: 'critical_low' }, 'pulse 120 and breathing 34 are normal at 3 years; MUAC 110 mm is severe malnutrition');
    assert.equal(res.json().abnormal[0].band, 'child 1–4 years');
    const infant = await encounterFor(addDays(today(), -60));
    const baby = await call(t.app, clinic.nurse, 'POST', `/encounters/${infant}/vitals`, { pulse: 90, respiratoryRate: 65 });
    assert.deepEqual(flagsOf(baby), { pulse: 'low', respiratoryRate: 'critical_high' });
  });

  test('a SOAP note needs one part; it is shown with its author', async () => {
    const id = await encounterFor('1980-05-05');
    const empty = await call(t.app, clinic.doctor, 'POST', `/encounters/${id}/notes`, { subjective: '  ' });
    assert.equal(empty.statusCode, 422);
    const res = await call(t.app, clinic.doctor, 'POST', `/encounters/${id}/notes`, { subjective: 'Fever 3 days', assessment: 'Malaria likely', plan: 'RDT' });
    assert.equal(res.statusCode, 201, res.body);
    const e = (await call(t.app, clinic.doctor, 'GET', `/encounters/${id}`)).json();
    assert.deepEqual(e.notes.map((n: { authorId: string; plan: string; objective: string | null }) => [n.authorId, n.plan, n.objective]), [[clinic.doctor.id, 'RDT', null]]);
  });
});
