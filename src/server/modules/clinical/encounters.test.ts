// Encounters on every database, through HTTP: opening (walk-in, emergency, a started appointment),
// one encounter per appointment under concurrent requests, the worklist, completing (needs a
// diagnosis, completes the appointment, freezes the encounter), and another facility's records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, insertAppointment, type Clinic, type TestPatient } from '../../../../test/support/scheduling.ts';
import { call, countFor, insertDiagnosis, insertEncounter } from '../../../../test/support/clinical.ts';
import { nowIso } from '../../platform/ids.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let other: Clinic;
  let patient: TestPatient;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    other = await createClinic(t.app);
    patient = await createPatient(t.app, clinic);
  });
  after(() => t.close());

  const encountersOf = async (appointmentId: string) =>
    t.db.kysely.selectFrom('encounters').selectAll().where('appointment_id', '=', appointmentId).execute();

  test('a walk-in opens an outpatient encounter; an emergency says so; GET shows it with empty records', async () => {
    const res = await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId: patient.id, chiefComplaint: 'Fever for three days' });
    assert.equal(res.statusCode, 201, res.body);
    const e = res.json();
    assert.equal(e.status, 'in_progress');
    assert.equal(e.type, 'outpatient');
    assert.equal(e.providerId, clinic.doctor.id);
    assert.equal(e.mrn, patient.mrn);
    assert.deepEqual([e.vitals, e.diagnoses, e.notes], [[], [], []]);
    const emergency = await call(t.app, clinic.nurse, 'POST', '/encounters', { patientId: patient.id, type: 'emergency' });
    assert.equal(emergency.json().type, 'emergency');
    const got = await call(t.app, clinic.nurse, 'GET', `/encounters/${e.id}`);
    assert.equal(got.statusCode, 200);
    assert.equal(got.json().chiefComplaint, 'Fever for three days');
    const audit = await t.db.kysely.selectFrom('audit_events').select('action').where('target_id', '=', e.id).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['encounter.open', 'encounter.read', 'encounter.read']);
  });

  test("another facility's patient or encounter answers 404 and nothing is written", async () => {
    const theirs = await createPatient(t.app, other);
    const before = await t.db.kysely.selectFrom('encounters').select('id').execute();
    const res = await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId: theirs.id });
    assert.equal(res.statusCode, 404, res.body);
    assert.equal((await t.db.kysely.selectFrom('encounters').select('id').execute()).length, before.length);
    const theirEncounter = await insertEncounter(t.db, other.facility.id);
    for (const [method, url, body] of [['GET', '', undefined], ['POST', '/vitals', { pulse: 80 }], ['POST', '/notes', { plan: 'x' }], ['POST', '/complete', undefined]] as const) {
      assert.equal((await call(t.app, clinic.doctor, method, `/encounters/${theirEncounter}${url}`, body)).statusCode, 404, `${method} ${url}`);
    }
    assert.equal(await countFor(t.db, 'encounter_vitals', theirEncounter), 0);
  });

  test('starting a checked-in appointment opens its encounter; a second one for it is refused', async () => {
    const appointmentId = await insertAppointment(t.db, clinic.facility.id, { at: Date.now(), checkedInAt: nowIso() });
    const start = await call(t.app, clinic.doctor, 'POST', `/appointments/${appointmentId}/start`);
    assert.equal(start.statusCode, 200, start.body);
    const encounterId = start.json().links.encounterId;
    const e = (await call(t.app, clinic.doctor, 'GET', `/encounters/${encounterId}`)).json();
    assert.equal(e.appointmentId, appointmentId);
    assert.equal(e.status, 'in_progress');
    const again = await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId: e.patientId, appointmentId });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().encounterId, encounterId);
  });

  test('20 concurrent starts of one appointment open exactly one encounter', async () => {
    const appointmentId = await insertAppointment(t.db, clinic.facility.id, { at: Date.now(), checkedInAt: nowIso() });
    const results = await Promise.all(Array.from({ length: 20 }, () => call(t.app, clinic.doctor, 'POST', `/appointments/${appointmentId}/start`)));
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [200, ...Array(19).fill(409)], results.map((r) => r.body.slice(0, 80)).join('\n'));
    assert.equal((await encountersOf(appointmentId)).length, 1);
  });

  test('20 concurrent opens for one appointment in progress: one 201, the rest 409 (the unique index)', async () => {
    const appointmentId = await insertAppointment(t.db, clinic.facility.id, { at: Date.now(), checkedInAt: nowIso() });
    await t.db.kysely.updateTable('appointments').set({ status: 'in_progress', started_at: nowIso() }).where('id', '=', appointmentId).execute();
    const { patient_id: patientId } = await t.db.kysely.selectFrom('appointments').select('patient_id').where('id', '=', appointmentId).executeTakeFirstOrThrow();
    const results = await Promise.all(Array.from({ length: 20 }, () => call(t.app, clinic.doctor, 'POST', '/encounters', { patientId, appointmentId })));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, ...Array(19).fill(409)], results.map((r) => r.body.slice(0, 80)).join('\n'));
    assert.equal((await encountersOf(appointmentId)).length, 1);
  });

  test('an appointment not yet started, or of another patient, is refused with the reason', async () => {
    const appointmentId = await insertAppointment(t.db, clinic.facility.id, { at: Date.now(), checkedInAt: nowIso() });
    const { patient_id: patientId } = await t.db.kysely.selectFrom('appointments').select('patient_id').where('id', '=', appointmentId).executeTakeFirstOrThrow();
    const notStarted = await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId, appointmentId });
    assert.equal(notStarted.statusCode, 409);
    assert.match(notStarted.json().detail, /start/i);
    const wrongPatient = await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId: patient.id, appointmentId });
    assert.equal(wrongPatient.statusCode, 422);
    assert.deepEqual(wrongPatient.json().errors.map((e: { field: string }) => e.field), ['body.appointmentId']);
  });

  test('completing needs a diagnosis, completes the appointment, and freezes the encounter', async () => {
    const appointmentId = await insertAppointment(t.db, clinic.facility.id, { at: Date.now(), checkedInAt: nowIso() });
    const encounterId = (await call(t.app, clinic.doctor, 'POST', `/appointments/${appointmentId}/start`)).json().links.encounterId;
    const early = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/complete`);
    assert.equal(early.statusCode, 422, early.body);
    assert.match(early.json().detail, /diagnosis/);
    const arabic = await t.app.inject({ method: 'POST', url: `/api/v1/encounters/${encounterId}/complete`, headers: { ...clinic.doctor.headers, 'accept-language': 'ar' } });
    assert.match(arabic.json().detail, /سجّل تشخيصًا واحدًا على الأقل/);
    assert.equal((await call(t.app, clinic.nurse, 'POST', `/encounters/${encounterId}/complete`)).statusCode, 403, 'nurses do not complete');
    await insertDiagnosis(t.db, clinic.facility.id, encounterId);
    const done = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/complete`);
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().status, 'completed');
    assert.equal(done.json().completedBy, clinic.doctor.id);
    const appt = await call(t.app, clinic.doctor, 'GET', `/appointments/${appointmentId}`);
    assert.equal(appt.json().status, 'completed');

    const twice = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/complete`);
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().code, 'invalid_transition');
    assert.match(twice.json().detail, /already completed/);

    const late = await call(t.app, clinic.nurse, 'POST', `/encounters/${encounterId}/vitals`, { pulse: 80 });
    assert.equal(late.statusCode, 409, late.body);
    assert.match(late.json().detail, /amendment/);
    assert.equal(await countFor(t.db, 'encounter_vitals', encounterId), 0);

    const note = await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/notes`, { plan: 'x', amendsId: encounterId, reason: 'typo' });
    assert.equal(note.statusCode, 422, 'an amendment must name a record of the same kind in the encounter');
    assert.equal(await countFor(t.db, 'encounter_notes', encounterId), 0);
  });

  test('amendments after completion reference the record they correct, with author and reason', async () => {
    const encounterId = await insertEncounter(t.db, clinic.facility.id);
    const first = await call(t.app, clinic.nurse, 'POST', `/encounters/${encounterId}/vitals`, { weightKg: 7, heightCm: 170 });
    assert.equal(first.statusCode, 201, first.body);
    await insertDiagnosis(t.db, clinic.facility.id, encounterId);
    assert.equal((await call(t.app, clinic.doctor, 'POST', `/encounters/${encounterId}/complete`)).statusCode, 200);
    const noReason = await call(t.app, clinic.nurse, 'POST', `/encounters/${encounterId}/vitals`, { weightKg: 70, heightCm: 170, amendsId: first.json().id });
    assert.equal(noReason.statusCode, 422);
    const fix = await call(t.app, clinic.nurse, 'POST', `/encounters/${encounterId}/vitals`, { weightKg: 70, heightCm: 170, amendsId: first.json().id, reason: 'typed 7 for 70' });
    assert.equal(fix.statusCode, 201, fix.body);
    const e = (await call(t.app, clinic.doctor, 'GET', `/encounters/${encounterId}`)).json();
    const [old, amended] = e.vitals;
    assert.equal(old.amendedById, amended.id);
    assert.deepEqual([amended.amendsId, amended.amendReason, amended.recordedBy, amended.bmi], [old.id, 'typed 7 for 70', clinic.nurse.id, 24.2]);
  });

  test('the worklist filters by status, provider and day, and pages with a cursor', async () => {
    const desk = await createClinic(t.app);
    const p = await createPatient(t.app, desk);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call(t.app, desk.doctor, 'POST', '/encounters', { patientId: p.id })).json().id);
    await call(t.app, desk.nurse, 'POST', '/encounters', { patientId: p.id });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = new URLSearchParams({ status: 'in_progress', providerId: desk.doctor.id, limit: '2', ...(cursor ? { cursor } : {}) }).toString();
      const res = await call(t.app, desk.doctor, 'GET', `/encounters?${q}`);
      assert.equal(res.statusCode, 200, res.body);
      seen.push(...res.json().items.map((e: { id: string }) => e.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    assert.deepEqual(seen, ids);
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Africa/Khartoum' });
    const day = await call(t.app, desk.doctor, 'GET', `/encounters?date=${today}`);
    assert.equal(day.json().items.length, 6);
    assert.equal((await call(t.app, desk.doctor, 'GET', '/encounters?date=2020-01-01')).json().items.length, 0);
    assert.equal((await call(t.app, desk.doctor, 'GET', '/encounters?date=2020-02-30')).statusCode, 400);
    assert.equal((await call(t.app, desk.doctor, 'GET', '/encounters?cursor=bad')).statusCode, 400);
    assert.equal((await call(t.app, desk.receptionist, 'GET', '/encounters')).statusCode, 403);
  });
});
