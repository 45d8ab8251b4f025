// Diagnoses from the ICD-10 catalog and a patient's allergies and problems, on every database:
// a code not in the catalog, another facility's patient, and who may write each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, type Clinic } from '../../../../test/support/scheduling.ts';
import { call, countFor, insertEncounter } from '../../../../test/support/clinical.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let other: Clinic;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    other = await createClinic(t.app);
  });
  after(() => t.close());

  test('a diagnosis takes a catalog code in any spelling and keeps its title; an unknown code is 422 with nothing written', async () => {
    const id = await insertEncounter(t.db, clinic.facility.id);
    const res = await call(t.app, clinic.doctor, 'POST', `/encounters/${id}/diagnoses`, { code: 'b509', type: 'primary', note: 'RDT positive' });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual([res.json().code, res.json().title, res.json().type], ['B50.9', 'Plasmodium falciparum malaria, unspecified', 'primary']);
    const unknown = await call(t.app, clinic.doctor, 'POST', `/encounters/${id}/diagnoses`, { code: 'Z99.99', type: 'secondary' });
    assert.equal(unknown.statusCode, 422, unknown.body);
    assert.deepEqual(unknown.json().errors.map((e: { field: string }) => e.field), ['body.code']);
    assert.match(unknown.json().detail, /terminology\/icd10/);
    const badType = await call(t.app, clinic.doctor, 'POST', `/encounters/${id}/diagnoses`, { code: 'B54', type: 'main' });
    assert.equal(badType.statusCode, 400);
    assert.equal((await call(t.app, clinic.nurse, 'POST', `/encounters/${id}/diagnoses`, { code: 'B54', type: 'primary' })).statusCode, 403, 'nurses do not diagnose');
    assert.equal(await countFor(t.db, 'encounter_diagnoses', id), 1);
  });

  test('after completion a diagnosis is corrected only by an amendment', async () => {
    const id = await insertEncounter(t.db, clinic.facility.id);
    const first = (await call(t.app, clinic.doctor, 'POST', `/encounters/${id}/diagnoses`, { code: 'B54', type: 'primary' })).json();
    assert.equal((await call(t.app, clinic.doctor, 'POST', `/encounters/${id}/complete`)).statusCode, 200);
    const plain = await call(t.app, clinic.doctor, 'POST', `/encounters/${id}/diagnoses`, { code: 'A01.0', type: 'primary' });
    assert.equal(plain.statusCode, 409);
    const fix = await call(t.app, clinic.doctor, 'POST', `/encounters/${id}/diagnoses`, { code: 'A01.0', type: 'primary', amendsId: first.id, reason: 'Widal confirmed typhoid' });
    assert.equal(fix.statusCode, 201, fix.body);
    const e = (await call(t.app, clinic.doctor, 'GET', `/encounters/${id}`)).json();
    assert.deepEqual(e.diagnoses.map((d: { code: string; amendedById: string | null }) => [d.code, d.amendedById]), [['B54', fix.json().id], ['A01.0', null]]);
    const trail = await t.db.kysely.selectFrom('audit_events').select('action').where('target_id', '=', id).where('action', 'like', 'diagnosis.%').execute();
    assert.deepEqual(trail.map((a) => a.action), ['diagnosis.record', 'diagnosis.amend']);
  });

  test('allergies: nurses record them, the list shows active ones, a status change keeps the row', async () => {
    const p = await createPatient(t.app, clinic);
    const res = await call(t.app, clinic.nurse, 'POST', `/patients/${p.id}/allergies`, { substance: 'Penicillin', medicationCode: 'Amoxicillin-cap-500mg', severity: 'severe', reaction: 'Hives' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().medicationCode, 'amoxicillin-cap-500mg');
    assert.equal((await call(t.app, clinic.nurse, 'POST', `/patients/${p.id}/allergies`, { substance: 'Dust', severity: 'fatal' })).statusCode, 400);
    const off = await call(t.app, clinic.doctor, 'PATCH', `/patients/${p.id}/allergies/${res.json().id}`, { status: 'entered_in_error' });
    assert.equal(off.json().status, 'entered_in_error');
    assert.deepEqual((await call(t.app, clinic.doctor, 'GET', `/patients/${p.id}/allergies`)).json().items, []);
    assert.equal((await call(t.app, clinic.doctor, 'GET', `/patients/${p.id}/allergies?status=all`)).json().items.length, 1);
    assert.equal((await call(t.app, clinic.receptionist, 'GET', `/patients/${p.id}/allergies`)).statusCode, 403);
  });

  test('problems: a code must be in the catalog; resolving keeps the row', async () => {
    const p = await createPatient(t.app, clinic);
    const bad = await call(t.app, clinic.doctor, 'POST', `/patients/${p.id}/problems`, { description: 'Hypertension', code: 'NOPE' });
    assert.equal(bad.statusCode, 422);
    const ok = await call(t.app, clinic.doctor, 'POST', `/patients/${p.id}/problems`, { description: 'Chronic hepatitis B', code: 'b181', onsetDate: '2019' });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().code, 'B18.1');
    assert.equal((await call(t.app, clinic.nurse, 'POST', `/patients/${p.id}/problems`, { description: 'x' })).statusCode, 403);
    const resolved = await call(t.app, clinic.doctor, 'PATCH', `/patients/${p.id}/problems/${ok.json().id}`, { status: 'resolved' });
    assert.ok(resolved.json().resolvedAt);
    assert.equal((await call(t.app, clinic.doctor, 'GET', `/patients/${p.id}/problems`)).json().items.length, 0);
  });

  test("another facility's patient: 404 on every route, nothing written", async () => {
    const theirs = await createPatient(t.app, other);
    const mine = await createPatient(t.app, clinic);
    const myAllergy = (await call(t.app, clinic.nurse, 'POST', `/patients/${mine.id}/allergies`, { substance: 'Sulfa', severity: 'mild' })).json();
    for (const [method, url, body] of [
      ['GET', `/patients/${theirs.id}/allergies`], ['POST', `/patients/${theirs.id}/allergies`, { substance: 'Sulfa', severity: 'mild' }],
      ['GET', `/patients/${theirs.id}/problems`], ['POST', `/patients/${theirs.id}/problems`, { description: 'Asthma' }],
      ['PATCH', `/patients/${theirs.id}/allergies/${myAllergy.id}`, { status: 'inactive' }],
      ['POST', '/encounters', { patientId: theirs.id }],
    ] as const) {
      const res = await call(t.app, clinic.doctor, method, url, body);
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
    }
    const written = await t.db.kysely.selectFrom('patient_allergies').select('id').where('patient_id', '=', theirs.id).execute();
    assert.deepEqual(written, []);
  });
});
