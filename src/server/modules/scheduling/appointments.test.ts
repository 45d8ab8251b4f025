// Booking on every database, through HTTP: the spec's flow, working hours, the past, overlaps
// (also under 20 concurrent requests), facility isolation and permissions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  blamed, book, createClinic, createPatient, nextWeekday, type Clinic, type TestPatient,
  MONDAY, TUESDAY, WEDNESDAY, THURSDAY, SUNDAY, SATURDAY,
} from '../../../../test/support/scheduling.ts';

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

  test("the spec's flow: register a patient, book a local date-time, answered with the facility's offset", async () => {
    const registered = await t.app.inject({
      method: 'POST', url: '/api/v1/patients', headers: clinic.doctor.headers, payload: { firstName: 'John', lastName: 'Doe', dateOfBirth: '1990-01-01' },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const john = registered.json();
    const date = nextWeekday(MONDAY);
    const res = await book(t.app, clinic.doctor, { patientId: john.id, dateTime: `${date} 10:00:00`, type: 'consultation' });
    assert.equal(res.statusCode, 201, res.body);
    const a = res.json();
    assert.ok(a.id);
    assert.equal(a.patientId, john.id);
    assert.equal(a.status, 'scheduled');
    assert.equal(a.dateTime, `${date}T10:00:00+02:00`);
    assert.equal(a.endTime, `${date}T10:30:00+02:00`);
    assert.equal(a.durationMinutes, 30);
    assert.equal(a.providerId, clinic.doctor.id, 'a clinician books themselves by default');
    assert.equal(a.providerName, 'Dr Fatima');
    assert.equal(a.patientName, 'John Doe');
    assert.equal(a.mrn, john.mrn);
    const stored = await t.db.kysely.selectFrom('appointments').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    assert.equal(stored.starts_at, `${date}T08:00:00.000Z`, 'stored in UTC');
    assert.equal(stored.facility_id, clinic.facility.id);
  });

  test('a new installation books within the default hours, Sunday to Thursday 08:00–16:00', async () => {
    const hours = await t.app.inject({ method: 'GET', url: '/api/v1/facility/working-hours', headers: clinic.receptionist.headers });
    assert.equal(hours.statusCode, 200);
    assert.equal(hours.json().source, 'default');
    assert.equal(hours.json().timeZone, 'Africa/Khartoum');
    const sunday = nextWeekday(SUNDAY);
    const first = await book(t.app, clinic.receptionist, { patientId: patient.id, providerId: clinic.nurse.id, dateTime: `${sunday} 08:00`, type: 'vaccination' });
    assert.equal(first.statusCode, 201, first.body);
    const last = await book(t.app, clinic.receptionist, { patientId: patient.id, providerId: clinic.nurse.id, dateTime: `${sunday} 15:30`, type: 'follow_up' });
    assert.equal(last.statusCode, 201, last.body);
    assert.equal(last.json().endTime, `${sunday}T16:00:00+02:00`);
  });

  test('an offset in the request is honoured and the answer uses the facility offset', async () => {
    const date = nextWeekday(THURSDAY);
    const res = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${date}T09:00:00Z`, type: 'procedure', durationMinutes: 60 });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().dateTime, `${date}T11:00:00+02:00`);
    assert.equal(res.json().endTime, `${date}T12:00:00+02:00`);
  });

  test('outside the working hours → 400 naming body.dateTime and saying the hours', async () => {
    const saturday = nextWeekday(SATURDAY);
    const res = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${saturday} 10:00:00`, type: 'consultation' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'validation_failed');
    assert.deepEqual(blamed(res), ['body.dateTime']);
    assert.match(res.json().detail, /Saturday .*no working hours/);

    const monday = nextWeekday(MONDAY);
    for (const [time, minutes] of [['15:45', 30], ['07:30', 30], ['12:00', 300]] as const) {
      const late = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${monday} ${time}`, type: 'consultation', durationMinutes: minutes });
      assert.equal(late.statusCode, 400, time);
      assert.deepEqual(blamed(late), ['body.dateTime']);
      assert.match(late.json().detail, /08:00–16:00/);
    }
  });

  test('in the past → 400 naming body.dateTime; nonsense dates too', async () => {
    for (const dateTime of ['2020-01-05 10:00:00', '2020-01-05T10:00:00+02:00']) {
      const res = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime, type: 'consultation' });
      assert.equal(res.statusCode, 400, dateTime);
      assert.deepEqual(blamed(res), ['body.dateTime']);
      assert.match(res.json().detail, /past/);
    }
    for (const dateTime of ['next tuesday at 10', '2027-02-30 10:00:00', `${nextWeekday(MONDAY)} 10:00:30`]) {
      const res = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime, type: 'consultation' });
      assert.equal(res.statusCode, 400, dateTime);
      assert.deepEqual(blamed(res), ['body.dateTime']);
    }
  });

  test('bad type, duration or unknown field → 400 naming it', async () => {
    const dateTime = `${nextWeekday(MONDAY)} 13:00`;
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'surgery' }, 'body.type'],
      [{ type: 'consultation', durationMinutes: 4 }, 'body.durationMinutes'],
      [{ type: 'consultation', durationMinutes: 481 }, 'body.durationMinutes'],
      [{ type: 'consultation', room: 5 }, 'body.room'],
    ];
    for (const [extra, field] of cases) {
      const res = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime, ...extra });
      assert.equal(res.statusCode, 400, field);
      assert.ok(blamed(res).includes(field), `${field}: ${res.body}`);
    }
  });

  test('a non-clinician must name the provider, who must be a clinician of this facility', async () => {
    const dateTime = `${nextWeekday(TUESDAY)} 09:00`;
    const missing = await book(t.app, clinic.receptionist, { patientId: patient.id, dateTime, type: 'consultation' });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(blamed(missing), ['body.providerId']);
    for (const providerId of [clinic.receptionist.id, other.doctor.id, '0194f7a0-0000-7000-8000-000000000001']) {
      const res = await book(t.app, clinic.receptionist, { patientId: patient.id, providerId, dateTime, type: 'consultation' });
      assert.equal(res.statusCode, 400, providerId);
      assert.deepEqual(blamed(res), ['body.providerId']);
    }
  });

  test("another facility's patient → 404 naming body.patientId", async () => {
    const stranger = await createPatient(t.app, other);
    const res = await book(t.app, clinic.doctor, { patientId: stranger.id, dateTime: `${nextWeekday(TUESDAY)} 09:00`, type: 'consultation' });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(blamed(res), ['body.patientId']);
  });

  test('a merged or deceased patient cannot be booked → 400 naming body.patientId', async () => {
    for (const status of ['merged', 'deceased'] as const) {
      const p = await createPatient(t.app, clinic);
      await t.db.kysely.updateTable('patients').set({ status }).where('id', '=', p.id).execute();
      const res = await book(t.app, clinic.doctor, { patientId: p.id, dateTime: `${nextWeekday(TUESDAY)} 15:00`, type: 'consultation' });
      assert.equal(res.statusCode, 400, status);
      assert.deepEqual(blamed(res), ['body.patientId']);
    }
  });

  test('an overlapping appointment of the same provider → 409 slot_taken; another provider is free', async () => {
    const date = nextWeekday(TUESDAY);
    const first = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${date} 11:00`, type: 'consultation' });
    assert.equal(first.statusCode, 201, first.body);
    for (const [time, minutes] of [['11:00', 30], ['11:15', 30], ['10:45', 30], ['10:00', 120]] as const) {
      const clash = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${date} ${time}`, type: 'consultation', durationMinutes: minutes });
      assert.equal(clash.statusCode, 409, time);
      assert.equal(clash.json().code, 'slot_taken');
    }
    const adjacent = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${date} 11:30`, type: 'consultation' });
    assert.equal(adjacent.statusCode, 201, 'back to back is not an overlap');
    const nurse = await book(t.app, clinic.nurse, { patientId: patient.id, dateTime: `${date} 11:00`, type: 'consultation' });
    assert.equal(nurse.statusCode, 201);
  });

  test('20 concurrent bookings of one slot: exactly one wins', async () => {
    const date = nextWeekday(WEDNESDAY);
    const patients: TestPatient[] = [];
    for (let i = 0; i < 20; i++) patients.push(await createPatient(t.app, clinic));
    const results = await Promise.all(patients.map((p) =>
      book(t.app, clinic.receptionist, { patientId: p.id, providerId: clinic.doctor.id, dateTime: `${date} 14:00`, type: 'consultation' })));
    const statuses = results.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [201, ...Array(19).fill(409)], results.filter((r) => ![201, 409].includes(r.statusCode)).map((r) => r.body).join('\n'));
    assert.ok(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'slot_taken'));
    const rows = await t.db.kysely.selectFrom('appointments').select('id')
      .where('provider_id', '=', clinic.doctor.id).where('starts_at', '=', `${date}T12:00:00.000Z`).execute();
    assert.equal(rows.length, 1);
  });

  test("another facility's appointment answers 404 and is never listed", async () => {
    const theirs = await createPatient(t.app, other);
    const res = await book(t.app, other.doctor, { patientId: theirs.id, dateTime: `${nextWeekday(MONDAY)} 09:00`, type: 'consultation' });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id;
    for (const url of [`/api/v1/appointments/${id}`, `/api/v1/appointments/${id}/history`]) {
      assert.equal((await t.app.inject({ method: 'GET', url, headers: clinic.admin.headers })).statusCode, 404, url);
    }
    for (const action of ['check-in', 'no-show']) {
      assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${id}/${action}`, headers: clinic.admin.headers })).statusCode, 404, action);
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/appointments?limit=200', headers: clinic.admin.headers });
    assert.ok(!list.json().items.some((a: { id: string }) => a.id === id));
  });

  test("a facility in a DST zone answers with that date's offset", async () => {
    const london = await createClinic(t.app, { timeZone: 'Europe/London' });
    const p = await createPatient(t.app, london);
    // Sundays just after the clocks change: 2027-03-28 (BST, +01:00) and 2027-10-31 (GMT, +00:00).
    for (const [date, offset, utc] of [['2027-03-28', '+01:00', '09:00'], ['2027-10-31', '+00:00', '10:00']] as const) {
      const res = await book(t.app, london.doctor, { patientId: p.id, dateTime: `${date} 10:00:00`, type: 'consultation' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().dateTime, `${date}T10:00:00${offset}`);
      const row = await t.db.kysely.selectFrom('appointments').select('starts_at').where('id', '=', res.json().id).executeTakeFirstOrThrow();
      assert.equal(row.starts_at, `${date}T${utc}:00.000Z`);
    }
  });

  test('reading needs appointments:read, booking appointments:write', async () => {
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/appointments', headers: clinic.billing.headers });
    assert.equal(read.statusCode, 200);
    const write = await book(t.app, clinic.billing, { patientId: patient.id, providerId: clinic.doctor.id, dateTime: `${nextWeekday(MONDAY)} 09:00`, type: 'consultation' });
    assert.equal(write.statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/appointments' })).statusCode, 401);
  });
});
