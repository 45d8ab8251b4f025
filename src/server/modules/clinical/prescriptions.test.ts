// Prescribing and dispensing on every database: allergy and duplicate warnings that only a reason
// overrides, bad input with nothing written, the pharmacy queue, partial dispensing and its limits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, type Clinic, type Staff } from '../../../../test/support/scheduling.ts';
import { createUser, tokenFor, authHeaders } from '../../../../test/support/fixtures.ts';
import { call, insertDiagnosis } from '../../../../test/support/clinical.ts';

async function pharmacistOf(app: FastifyInstance, facilityId: string): Promise<Staff> {
  const user = await createUser(app.ctx.db, [{ facilityId, role: 'pharmacist' }], { name: 'Pharmacist Reem' });
  return { id: user.id, headers: authHeaders(await tokenFor(app, user.id), facilityId) };
}

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let pharmacist: Staff;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    pharmacist = await pharmacistOf(t.app, clinic.facility.id);
  });
  after(() => t.close());

  const amoxicillin = { medicationCode: 'amoxicillin-cap-500mg', dose: 500, doseUnit: 'mg', route: 'oral', frequency: 'three times daily', durationDays: 7, quantity: 21 };
  async function openEncounter() {
    const p = await createPatient(t.app, clinic);
    const e = (await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId: p.id })).json();
    return { patientId: p.id as string, encounterId: e.id as string };
  }
  const count = async (encounterId: string) => (await t.db.kysely.selectFrom('prescriptions').select('id').where('encounter_id', '=', encounterId).execute()).length;

  test('an allergy covering the medicine is a 409 listing it; only a reason overrides, and the reason is kept', async () => {
    const { patientId, encounterId } = await openEncounter();
    await call(t.app, clinic.nurse, 'POST', `/patients/${patientId}/allergies`, { substance: 'Penicillin', medicationCode: 'penicillins', severity: 'severe', reaction: 'anaphylaxis' });
    const warned = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, amoxicillin);
    assert.equal(warned.statusCode, 409, warned.body);
    assert.deepEqual(warned.json().warnings.map((w: { kind: string }) => w.kind), ['allergy']);
    assert.match(warned.json().detail, /allergic to Penicillin.*overrideReason/s);
    assert.equal(await count(encounterId), 0);
    const overridden = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, { ...amoxicillin, overrideReason: 'Desensitised in 2024, tolerated since' });
    assert.equal(overridden.statusCode, 201, overridden.body);
    assert.equal(overridden.json().overrideReason, 'Desensitised in 2024, tolerated since');
    assert.equal(overridden.json().warnings[0].kind, 'allergy');
    assert.equal(overridden.json().medicationName, 'Amoxicillin 500 mg capsule');
  });

  test('an allergy recorded only as free text ("Penicillin", بنسلين) warns about amoxicillin; an unrelated one does not', async () => {
    for (const substance of ['Penicillin', 'بنسلين']) {
      const { patientId, encounterId } = await openEncounter();
      assert.equal((await call(t.app, clinic.nurse, 'POST', `/patients/${patientId}/allergies`, { substance, severity: 'moderate', reaction: 'rash' })).statusCode, 201);
      const warned = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, amoxicillin);
      assert.equal(warned.statusCode, 409, `${substance}: ${warned.body}`);
      assert.deepEqual(warned.json().warnings.map((w: { kind: string }) => w.kind), ['allergy']);
      assert.equal(await count(encounterId), 0);
    }
    const { patientId, encounterId } = await openEncounter();
    assert.equal((await call(t.app, clinic.nurse, 'POST', `/patients/${patientId}/allergies`, { substance: 'Peanuts', severity: 'severe', reaction: 'anaphylaxis' })).statusCode, 201);
    const prescribed = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, amoxicillin);
    assert.equal(prescribed.statusCode, 201, prescribed.body);
    assert.deepEqual(prescribed.json().warnings, []);
  });

  test('the same medicine already active is a duplicate warning', async () => {
    const { encounterId } = await openEncounter();
    assert.equal((await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, amoxicillin)).statusCode, 201);
    const again = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, { ...amoxicillin, medicationCode: 'amoxicillin-cap-250mg' });
    assert.equal(again.statusCode, 409);
    assert.deepEqual(again.json().warnings.map((w: { kind: string }) => w.kind), ['duplicate']);
    assert.equal(await count(encounterId), 1);
  });

  test('concurrent prescriptions of one medicine in two encounters: one is prescribed, the other warned', async () => {
    const { patientId, encounterId } = await openEncounter();
    const second = (await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId, type: 'emergency' })).json().id;
    const results = await Promise.all([encounterId, second, encounterId, second].map((id) => call(t.app, clinic.doctor, 'POST', `/encounters/${id}/prescriptions`, amoxicillin)));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409, 409, 409], results.map((r) => r.body.slice(0, 100)).join('\n'));
  });

  test('bad prescriptions are refused naming the problem, with nothing written', async () => {
    const { encounterId } = await openEncounter();
    const { dose: _dose, ...noDose } = amoxicillin;
    const missing = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, noDose);
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.json().errors.some((e: { field: string }) => e.field === 'body.dose'), missing.body);
    const negative = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, { ...amoxicillin, quantity: -5 });
    assert.equal(negative.statusCode, 400);
    assert.ok(negative.json().errors.some((e: { field: string }) => e.field === 'body.quantity'));
    const unknown = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, { ...amoxicillin, medicationCode: 'unicorn-tears-1ml' });
    assert.equal(unknown.statusCode, 422);
    assert.equal((await call(t.app, clinic.nurse, 'POST', `/encounters/${encounterId}/prescriptions`, amoxicillin)).statusCode, 403);
    await insertDiagnosis(t.db, clinic.facility.id, encounterId);
    await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/complete`);
    assert.equal((await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, amoxicillin)).statusCode, 409);
    assert.equal(await count(encounterId), 0);
  });

  test('the pharmacy queue and the worklist carry the patient name in each script', async () => {
    const registered = await t.app.inject({
      method: 'POST', url: '/api/v1/patients', headers: clinic.receptionist.headers,
      payload: { firstName: 'Hawa', lastName: 'Adam', firstNameAr: 'حواء', fatherNameAr: 'محمد', lastNameAr: 'آدم', dateOfBirth: '1979-11-20', confirmNew: true },
    });
    const patientId = registered.json().id as string;
    const encounterId = (await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId })).json().id as string;
    assert.equal((await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, amoxicillin)).statusCode, 201);
    const names = { patientName: 'Hawa Adam', patientNameLatin: 'Hawa Adam', patientNameArabic: 'حواء محمد آدم' };
    const [item] = (await call(t.app, pharmacist, 'GET', `/prescriptions?status=pending&patientId=${patientId}`)).json().items;
    assert.deepEqual({ patientName: item.patientName, patientNameLatin: item.patientNameLatin, patientNameArabic: item.patientNameArabic }, names);
    const listed = (await call(t.app, clinic.doctor, 'GET', '/encounters?status=in_progress&limit=100')).json().items.find((e: { id: string }) => e.id === encounterId);
    assert.deepEqual({ patientName: listed.patientName, patientNameLatin: listed.patientNameLatin, patientNameArabic: listed.patientNameArabic }, names);
  });

  test('the pharmacy queue, partial dispensing, and never more than prescribed', async () => {
    const { patientId, encounterId } = await openEncounter();
    const rx = (await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, amoxicillin)).json();
    const queue = await call(t.app, pharmacist, 'GET', `/prescriptions?status=pending&patientId=${patientId}`);
    assert.equal(queue.statusCode, 200, queue.body);
    assert.deepEqual(queue.json().items.map((x: { id: string }) => x.id), [rx.id]);
    const part = await call(t.app, pharmacist, 'POST', `/prescriptions/${rx.id}/dispense`, { quantity: 10 });
    assert.equal(part.statusCode, 200, part.body);
    assert.deepEqual([part.json().status, part.json().dispensedQuantity], ['partially_dispensed', 10]);
    const tooMany = await call(t.app, pharmacist, 'POST', `/prescriptions/${rx.id}/dispense`, { quantity: 12 });
    assert.equal(tooMany.statusCode, 422);
    assert.match(tooMany.json().detail, /11 of 21/);
    assert.equal((await call(t.app, clinic.doctor, 'POST', `/prescriptions/${rx.id}/dispense`, { quantity: 1 })).statusCode, 403, 'doctors do not dispense');
    const rest = await call(t.app, pharmacist, 'POST', `/prescriptions/${rx.id}/dispense`, { quantity: 11 });
    assert.equal(rest.json().status, 'dispensed');
    assert.equal((await call(t.app, pharmacist, 'POST', `/prescriptions/${rx.id}/dispense`, { quantity: 1 })).statusCode, 409);
    assert.deepEqual((await call(t.app, pharmacist, 'GET', `/prescriptions?patientId=${patientId}`)).json().items, []);
    const given = await t.db.kysely.selectFrom('dispensations').select('quantity').where('prescription_id', '=', rx.id).orderBy('dispensed_at').execute();
    assert.deepEqual(given.map((d) => Number(d.quantity)), [10, 11]);
    const chart = (await call(t.app, clinic.doctor, 'GET', `/patients/${patientId}/chart`)).json();
    assert.deepEqual(chart.activePrescriptions.map((x: { id: string }) => x.id), [rx.id], 'dispensed and within its 7 days');
    const e = (await call(t.app, clinic.doctor, 'GET', `/encounters/${encounterId}`)).json();
    assert.equal(e.prescriptions[0].status, 'dispensed');
  });

  test('a prescription changes or is cancelled only while nothing of it was dispensed', async () => {
    const { encounterId } = await openEncounter();
    const rx = (await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, amoxicillin)).json();
    const changed = await call(t.app, clinic.doctor, 'PATCH', `/prescriptions/${rx.id}`, { frequency: 'twice daily', quantity: 14 });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual([changed.json().frequency, changed.json().quantity], ['twice daily', 14]);
    assert.equal((await call(t.app, clinic.doctor, 'PATCH', `/prescriptions/${rx.id}`, {})).statusCode, 400);
    await call(t.app, pharmacist, 'POST', `/prescriptions/${rx.id}/dispense`, { quantity: 4 });
    const late = await call(t.app, clinic.doctor, 'PATCH', `/prescriptions/${rx.id}`, { quantity: 30 });
    assert.equal(late.statusCode, 409);
    assert.match(late.json().detail, /partially dispensed/);
    assert.equal((await call(t.app, clinic.doctor, 'POST', `/prescriptions/${rx.id}/cancel`, { reason: 'switch' })).statusCode, 409);
    const after = (await call(t.app, pharmacist, 'GET', `/prescriptions?patientId=${rx.patientId}`)).json().items[0];
    assert.deepEqual([after.quantity, after.status], [14, 'partially_dispensed'], 'nothing changed');

    const other = (await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/prescriptions`, { ...amoxicillin, medicationCode: 'paracetamol-tab-500mg', dose: 1000 })).json();
    const cancelled = await call(t.app, clinic.doctor, 'POST', `/prescriptions/${other.id}/cancel`, { reason: 'Fever settled' });
    assert.equal(cancelled.json().status, 'cancelled');
    assert.equal((await call(t.app, pharmacist, 'POST', `/prescriptions/${other.id}/dispense`, { quantity: 1 })).statusCode, 409);
  });

  test("another facility's prescription answers 404", async () => {
    const other = await createClinic(t.app);
    const p = await createPatient(t.app, other);
    const e = (await call(t.app, other.doctor, 'POST', '/encounters', { patientId: p.id })).json();
    const rx = (await call(t.app, other.doctor, 'POST', `/encounters/${e.id}/prescriptions`, amoxicillin)).json();
    assert.equal((await call(t.app, pharmacist, 'POST', `/prescriptions/${rx.id}/dispense`, { quantity: 1 })).statusCode, 404);
    assert.equal((await call(t.app, clinic.doctor, 'POST', `/encounters/${e.id}/prescriptions`, amoxicillin)).statusCode, 404);
  });
});
