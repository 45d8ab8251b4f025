// Errors a person can act on: validation says how to fix the input and names every field at fault
// at once; Arabic when asked for; bodiless POSTs as clients send them; a clear 415.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from './support/app.ts';
import { createClinic, createPatient, book, nextWeekday, MONDAY, type Clinic } from './support/scheduling.ts';

type Problem = { title: string; detail: string; code: string; errors?: { field: string; message: string }[] };

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
  });
  after(() => t.close());

  const messages = (res: { json(): unknown }) => Object.fromEntries(((res.json() as Problem).errors ?? []).map((e) => [e.field, e.message]));

  test('an enum lists its allowed values; a bad email and a bad time say what they must be', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/users', headers: clinic.admin.headers,
      payload: { email: 'not-an-email', name: 'Huda', password: 'x', memberships: [{ facilityId: clinic.facility.id, role: 'chief' }] },
    });
    assert.equal(res.statusCode, 400);
    const m = messages(res);
    assert.match(m['body.memberships.0.role']!, /^must be one of: super_admin, facility_admin, doctor, nurse, /);
    assert.equal(m['body.email'], 'must be an email address');
    const hours = await t.app.inject({
      method: 'PUT', url: '/api/v1/facility/working-hours', headers: clinic.admin.headers, payload: { slotMinutes: 30, days: { monday: [{ start: '8am', end: '12:00' }] } },
    });
    assert.equal(messages(hours)['body.days.monday.0.start'], 'must be: HH:MM, local time');
  });

  test('an id that is not a UUID says so, without a regular expression', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/patients/12345', headers: clinic.receptionist.headers });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(messages(res), { 'params.id': 'must be a UUID' });
    assert.doesNotMatch(res.body, /\[0-9a-f\]/);
  });

  test('every missing field of a new patient is named in one response', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/patients', headers: clinic.receptionist.headers, payload: { firstName: 'A' } });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(Object.keys(messages(res)).sort(), ['body.dateOfBirth', 'body.lastName']);
  });

  test('Accept-Language: ar gives the title, detail and field messages in Arabic; English stays the default', async () => {
    const ar = { ...clinic.receptionist.headers, 'accept-language': 'ar-SD,ar;q=0.9,en;q=0.5' };
    const invalid = await t.app.inject({ method: 'POST', url: '/api/v1/patients', headers: ar, payload: { firstName: 'A' } });
    const p = invalid.json<Problem>();
    assert.equal(invalid.headers['content-language'], 'ar');
    assert.equal(p.title, 'طلب غير صالح');
    assert.match(p.detail, /^بعض الحقول غير صالحة/);
    assert.match(messages(invalid)['body.lastName']!, /^مطلوب/);
    assert.equal(p.code, 'validation_failed', 'codes stay English: they are for programs');

    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/patients/0194f7a0-0000-7000-8000-000000000001', headers: ar });
    assert.equal(missing.statusCode, 404);
    assert.deepEqual([missing.json<Problem>().title, missing.json<Problem>().detail], ['غير موجود', 'لم يُعثر على المريض.']);

    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'accept-language': 'ar' } });
    assert.equal(anonymous.json<Problem>().detail, 'سجّل الدخول أولًا: أرسل الترويسة "Authorization: Bearer <رمز الدخول>".');

    const enumProblem = await t.app.inject({ method: 'GET', url: '/api/v1/patients?status=gone', headers: ar });
    assert.match(messages(enumProblem)['querystring.status']!, /^يجب أن يكون إحدى القيم: active, inactive, deceased, merged$/);

    const denied = await t.app.inject({ method: 'PUT', url: '/api/v1/facility/working-hours', headers: ar, payload: { slotMinutes: 30, days: {} } });
    assert.equal(denied.statusCode, 403);
    assert.match(denied.json<Problem>().detail, /[\u0600-\u06FF]/, 'any problem, even one without its own entry, is in Arabic');

    const english = await t.app.inject({ method: 'GET', url: '/api/v1/patients/0194f7a0-0000-7000-8000-000000000001', headers: clinic.receptionist.headers });
    assert.deepEqual([english.json<Problem>().title, english.json<Problem>().detail], ['Not Found', 'Patient not found']);
    assert.equal(english.headers['content-language'], 'en');
  });

  test('a bodiless POST with Content-Type: application/json and no body is accepted', async () => {
    const patient = await createPatient(t.app, clinic);
    const booked = await book(t.app, clinic.receptionist, { patientId: patient.id, providerId: clinic.doctor.id, dateTime: `${nextWeekday(MONDAY)}T10:00:00`, type: 'consultation' });
    assert.equal(booked.statusCode, 201, booked.body);
    const json = { 'content-type': 'application/json' };
    const noShow = await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${booked.json().id}/no-show`, headers: { ...clinic.receptionist.headers, ...json }, payload: '' });
    assert.equal(noShow.statusCode, 200, noShow.body);
    assert.equal(noShow.json().status, 'no_show');
    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...clinic.nurse.headers, ...json }, payload: '' });
    assert.equal(logout.statusCode, 204, logout.body);
  });

  test('a text/plain body answers 415 saying to send application/json', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/patients', headers: { ...clinic.receptionist.headers, 'content-type': 'text/plain' }, payload: 'Amna Osman',
    });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json<Problem>().code, 'unsupported_media_type');
    assert.match(res.json<Problem>().detail, /application\/json/);
  });
});
