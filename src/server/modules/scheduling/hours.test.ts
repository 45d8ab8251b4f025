// Providers, working hours, exceptions and free slots on every database, through HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  blamed, book, createClinic, createPatient, nextWeekday, type Clinic, type Staff, type TestPatient,
  MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY,
} from '../../../../test/support/scheduling.ts';

const week = (ranges: { start: string; end: string }[]) => ({ sunday: ranges, monday: ranges, tuesday: ranges, wednesday: ranges, thursday: ranges });

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

  const call = (who: Staff, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, payload });
  const slots = async (providerId: string, date: string, extra = '') => {
    const res = await call(clinic.receptionist, 'GET', `/providers/${providerId}/slots?date=${date}${extra}`);
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().slots as { start: string }[]).map((s) => s.start.slice(11, 16));
  };

  test('providers are the active doctors and nurses of this facility', async () => {
    const res = await call(clinic.receptionist, 'GET', '/providers');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().items, [
      { id: clinic.doctor.id, name: 'Dr Fatima', role: 'doctor' },
      { id: clinic.nurse.id, name: 'Nurse Huda', role: 'nurse' },
    ]);
  });

  test('free slots: working hours minus booked (non-cancelled) appointments, in local time', async () => {
    const date = nextWeekday(MONDAY);
    const all = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30'];
    assert.deepEqual(await slots(clinic.nurse.id, date), all);
    const a = await book(t.app, clinic.nurse, { patientId: patient.id, dateTime: `${date} 10:00`, type: 'vaccination' });
    await book(t.app, clinic.nurse, { patientId: patient.id, dateTime: `${date} 11:00`, type: 'vaccination', durationMinutes: 60 });
    assert.deepEqual(await slots(clinic.nurse.id, date), all.filter((s) => !['10:00', '11:00', '11:30'].includes(s)));
    assert.deepEqual(await slots(clinic.nurse.id, date, '&durationMinutes=60'), ['08:00', '08:30', '09:00', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00']);
    const res = await call(clinic.receptionist, 'GET', `/providers/${clinic.nurse.id}/slots?date=${date}`);
    assert.equal(res.json().slots[0].start, `${date}T08:00:00+02:00`);
    assert.equal(res.json().timeZone, 'Africa/Khartoum');
    await call(clinic.receptionist, 'POST', `/appointments/${a.json().id}/cancel`, { reason: 'Moved away' });
    assert.ok((await slots(clinic.nurse.id, date)).includes('10:00'), 'a cancelled appointment frees its slot');
    assert.deepEqual(await slots(clinic.nurse.id, nextWeekday(FRIDAY)), [], 'Friday is off by default');
  });

  test("a provider's own template replaces the facility's", async () => {
    const monday = nextWeekday(MONDAY);
    const body = { slotMinutes: 20, days: { monday: [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }] } };
    const put = await call(clinic.admin, 'PUT', `/providers/${clinic.doctor.id}/working-hours`, body);
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().source, 'provider');
    assert.deepEqual(put.json().days.monday, [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
    assert.deepEqual(put.json().days.sunday, []);
    const got = await call(clinic.receptionist, 'GET', `/providers/${clinic.doctor.id}/working-hours`);
    assert.deepEqual(got.json(), put.json());

    const lunch = await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${monday} 12:00`, type: 'consultation' });
    assert.equal(lunch.statusCode, 400);
    assert.match(lunch.json().detail, /09:00–12:00, 13:00–17:00/);
    assert.equal((await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${monday} 16:30`, type: 'consultation' })).statusCode, 201);
    assert.equal((await book(t.app, clinic.doctor, { patientId: patient.id, dateTime: `${nextWeekday(TUESDAY)} 10:00`, type: 'consultation' })).statusCode, 400);
    const s = await slots(clinic.doctor.id, monday);
    assert.equal(s[0], '09:00');
    assert.ok(s.includes('11:40') && !s.includes('12:00') && s.includes('13:00') && !s.includes('16:20'));
    const nurseHours = await call(clinic.receptionist, 'GET', `/providers/${clinic.nurse.id}/working-hours`);
    assert.equal(nurseHours.json().source, 'default');
  });

  test('bad templates → 400 naming the day and range', async () => {
    const url = `/providers/${clinic.nurse.id}/working-hours`;
    const cases: [Record<string, unknown>, string][] = [
      [{ slotMinutes: 30, days: { monday: [{ start: '12:00', end: '09:00' }] } }, 'body.days.monday.0'],
      [{ slotMinutes: 30, days: { monday: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }] } }, 'body.days.monday.1'],
      [{ slotMinutes: 30, days: { monday: [{ start: '8:00', end: '12:00' }] } }, 'body.days.monday.0.start'],
      [{ slotMinutes: 30, days: { funday: [] } }, 'body.days.funday'],
      [{ slotMinutes: 2, days: {} }, 'body.slotMinutes'],
    ];
    for (const [body, field] of cases) {
      const res = await call(clinic.admin, 'PUT', url, body);
      assert.equal(res.statusCode, 400, field);
      assert.ok(blamed(res).includes(field), `${field}: ${res.body}`);
    }
  });

  test('the facility default applies to providers without their own, and needs schedules:manage', async () => {
    const saturday = nextWeekday(SATURDAY);
    assert.equal((await call(clinic.receptionist, 'PUT', '/facility/working-hours', { slotMinutes: 15, days: {} })).statusCode, 403);
    assert.equal((await book(t.app, clinic.nurse, { patientId: patient.id, dateTime: `${saturday} 09:00`, type: 'consultation' })).statusCode, 400);
    const put = await call(clinic.admin, 'PUT', '/facility/working-hours', { slotMinutes: 15, days: { ...week([{ start: '08:00', end: '14:00' }]), saturday: [{ start: '09:00', end: '13:00' }] } });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().source, 'facility');
    assert.equal((await call(clinic.nurse, 'GET', '/facility/working-hours')).json().slotMinutes, 15);
    assert.equal((await call(clinic.nurse, 'GET', `/providers/${clinic.nurse.id}/working-hours`)).json().source, 'facility');
    assert.equal((await book(t.app, clinic.nurse, { patientId: patient.id, dateTime: `${saturday} 09:00`, type: 'consultation' })).statusCode, 201);
    assert.deepEqual((await slots(clinic.nurse.id, saturday)).slice(0, 3), ['09:30', '09:45', '10:00']);
    const otherHours = await call(other.receptionist, 'GET', '/facility/working-hours');
    assert.equal(otherHours.json().source, 'default', 'another facility is unaffected');
  });

  test('a date off and different hours on a date, as exceptions', async () => {
    const [wednesday, thursday] = [nextWeekday(WEDNESDAY), nextWeekday(THURSDAY)];
    const url = `/providers/${clinic.nurse.id}/exceptions`;
    const off = await call(clinic.admin, 'POST', url, { date: wednesday, reason: 'Training' });
    assert.equal(off.statusCode, 201, off.body);
    assert.deepEqual([off.json().kind, off.json().hours, off.json().reason], ['off', [], 'Training']);
    const dup = await call(clinic.admin, 'POST', url, { date: wednesday, hours: [{ start: '10:00', end: '11:00' }] });
    assert.equal(dup.statusCode, 409);
    assert.deepEqual(blamed(dup), ['body.date']);
    const short = await call(clinic.admin, 'POST', url, { date: thursday, hours: [{ start: '10:00', end: '12:00' }] });
    assert.equal(short.statusCode, 201);
    assert.equal(short.json().kind, 'hours');

    assert.deepEqual(await slots(clinic.nurse.id, wednesday), []);
    assert.deepEqual(await slots(clinic.nurse.id, thursday), ['10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30', '11:45']);
    const refused = await book(t.app, clinic.nurse, { patientId: patient.id, dateTime: `${wednesday} 09:00`, type: 'consultation' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().detail, /no working hours \(an exception/);
    assert.equal((await book(t.app, clinic.nurse, { patientId: patient.id, dateTime: `${thursday} 09:00`, type: 'consultation' })).statusCode, 400);
    assert.equal((await book(t.app, clinic.nurse, { patientId: patient.id, dateTime: `${thursday} 10:30`, type: 'consultation' })).statusCode, 201);

    const list = await call(clinic.receptionist, 'GET', `${url}?from=${wednesday}&to=${thursday}`);
    assert.deepEqual(list.json().items.map((e: { date: string }) => e.date), [wednesday, thursday].sort());
    assert.equal((await call(clinic.receptionist, 'DELETE', `${url}/${off.json().id}`)).statusCode, 403);
    assert.equal((await call(clinic.admin, 'DELETE', `${url}/${off.json().id}`)).statusCode, 204);
    assert.equal((await call(clinic.admin, 'DELETE', `${url}/${off.json().id}`)).statusCode, 404);
    assert.equal((await book(t.app, clinic.nurse, { patientId: patient.id, dateTime: `${wednesday} 09:00`, type: 'consultation' })).statusCode, 201);
  });

  test('bad exceptions → 400 naming the field', async () => {
    const url = `/providers/${clinic.nurse.id}/exceptions`;
    assert.deepEqual(blamed(await call(clinic.admin, 'POST', url, { date: '2027-02-30' })), ['body.date']);
    assert.deepEqual(blamed(await call(clinic.admin, 'POST', url, { date: nextWeekday(MONDAY, 14), hours: [{ start: '11:00', end: '10:00' }] })), ['body.hours.0']);
    assert.deepEqual(blamed(await call(clinic.receptionist, 'GET', `/providers/${clinic.nurse.id}/slots?date=2027-13-01`)), ['querystring.date']);
  });

  test("another facility's provider answers 404 everywhere", async () => {
    const id = other.doctor.id;
    const date = nextWeekday(MONDAY);
    for (const [method, url, payload] of [
      ['GET', `/providers/${id}/working-hours`], ['PUT', `/providers/${id}/working-hours`, { slotMinutes: 30, days: {} }],
      ['GET', `/providers/${id}/exceptions`], ['POST', `/providers/${id}/exceptions`, { date }],
      ['GET', `/providers/${id}/slots?date=${date}`], ['GET', `/providers/${clinic.receptionist.id}/slots?date=${date}`],
    ] as const) {
      const res = await call(clinic.admin, method, url, payload);
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
    }
    const theirs = await call(other.admin, 'POST', `/providers/${id}/exceptions`, { date });
    assert.equal(theirs.statusCode, 201);
    assert.equal((await call(clinic.admin, 'DELETE', `/providers/${id}/exceptions/${theirs.json().id}`)).statusCode, 404);
  });
});
