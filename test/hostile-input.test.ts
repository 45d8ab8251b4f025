// Numbers that are not finite and strings with a NUL byte are refused at validation, on every
// route and every part of a request, before any handler, loop or database sees them. The requests
// are the ones that took the server down or answered 500 (issue 7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from './support/app.ts';
import { authHeaders, createUser, tokenFor } from './support/fixtures.ts';
import { blamed, createClinic, createPatient, nextWeekday, MONDAY, type Clinic } from './support/scheduling.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let superAdmin: Record<string, string>;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    const sa = await createUser(t.db, [{ facilityId: clinic.facility.id, role: 'super_admin' }]);
    superAdmin = authHeaders(await tokenFor(t.app, sa.id), clinic.facility.id);
  });
  after(() => t.close());

  const refused = (res: { statusCode: number; body: string; json(): unknown }, field: string, message: RegExp) => {
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(blamed(res), [field], res.body);
    const [problem] = (res.json() as { errors: { message: string }[] }).errors;
    assert.match(problem!.message, message);
  };
  const FINITE = /finite number/;
  const NUL = /NUL/;

  test('a billing clerk asking for slots of -1e309 minutes gets a 400, not a dead server', async () => {
    const res = await t.app.inject({
      method: 'GET', url: `/api/v1/providers/${clinic.doctor.id}/slots?date=2030-10-20&durationMinutes=-1e309`, headers: clinic.billing.headers,
    });
    refused(res, 'querystring.durationMinutes', FINITE);
  });

  test('working hours with slotMinutes ±1e309 (string or number) are refused and nothing is stored', async () => {
    for (const payload of [
      JSON.stringify({ slotMinutes: '-1e309', days: { monday: [{ start: '08:00', end: '12:00' }] } }),
      JSON.stringify({ slotMinutes: '1e309', days: {} }),
      '{"slotMinutes": 1e309, "days": {}}',
    ]) {
      const res = await t.app.inject({
        method: 'PUT', url: '/api/v1/facility/working-hours', headers: { ...clinic.admin.headers, 'content-type': 'application/json' }, payload,
      });
      refused(res, 'body.slotMinutes', FINITE);
    }
    const hours = await t.app.inject({ method: 'GET', url: '/api/v1/facility/working-hours', headers: clinic.admin.headers });
    assert.equal(hours.json().source, 'default');
  });

  test('limit=1e309 is refused on every list', async () => {
    for (const url of ['/api/v1/patients', '/api/v1/users', '/api/v1/appointments', '/api/v1/audit-events']) {
      refused(await t.app.inject({ method: 'GET', url: `${url}?limit=1e309`, headers: superAdmin }), 'querystring.limit', FINITE);
    }
  });

  test('an appointment of 1e309 minutes is refused', async () => {
    const patient = await createPatient(t.app, clinic);
    const base = { patientId: patient.id, providerId: clinic.doctor.id, dateTime: `${nextWeekday(MONDAY)}T09:00:00`, type: 'consultation' };
    for (const payload of [JSON.stringify({ ...base, durationMinutes: '1e309' }), JSON.stringify(base).replace('}', ',"durationMinutes":1e309}')]) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/appointments', headers: { ...clinic.receptionist.headers, 'content-type': 'application/json' }, payload,
      });
      refused(res, 'body.durationMinutes', FINITE);
    }
  });

  test('a NUL byte in the sign-in email answers 400 without signing in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a\u0000b', password: 'x' } });
    refused(res, 'body.email', NUL);
  });

  test('a NUL byte in a user name, a locality, an exception reason or a search is refused', async () => {
    refused(await t.app.inject({
      method: 'PATCH', url: `/api/v1/users/${clinic.nurse.id}`, headers: clinic.admin.headers, payload: { name: 'Huda\u0000' },
    }), 'body.name', NUL);
    refused(await t.app.inject({
      method: 'PATCH', url: `/api/v1/facilities/${clinic.facility.id}`, headers: clinic.admin.headers, payload: { locality: 'Omdurman\u0000' },
    }), 'body.locality', NUL);
    refused(await t.app.inject({
      method: 'POST', url: `/api/v1/providers/${clinic.doctor.id}/exceptions`, headers: clinic.admin.headers,
      payload: { date: nextWeekday(MONDAY, 20), reason: 'leave\u0000' },
    }), 'body.reason', NUL);
    refused(await t.app.inject({ method: 'GET', url: '/api/v1/users?q=%00', headers: clinic.admin.headers }), 'querystring.q', NUL);
  });

  test('a body nested 200,000 levels deep answers 400 without signing in, not a stack overflow', async () => {
    const depth = 200_000;
    const payload = `{"email":"a@b.sd","password":"x","z":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.body, /nest more than 32 levels/);
  });
});
