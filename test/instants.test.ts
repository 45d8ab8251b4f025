// One format for a record's instants (createdAt, updatedAt, occurredAt, lastLoginAt) across every
// resource and database: UTC with milliseconds. An appointment's own times keep the facility's offset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from './support/app.ts';
import { authHeaders, createUser, tokenFor } from './support/fixtures.ts';
import { book, createClinic, createPatient, nextWeekday, MONDAY, type Clinic } from './support/scheduling.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KHARTOUM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+02:00$/;

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let admin: Record<string, string>;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    const sa = await createUser(t.db, [{ facilityId: clinic.facility.id, role: 'super_admin' }]);
    admin = authHeaders(await tokenFor(t.app, sa.id), clinic.facility.id);
  });
  after(() => t.close());

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.body}`);
    return res.json();
  };

  test('every resource shows its instants as UTC with milliseconds; appointment times keep the offset', async () => {
    const patient = await createPatient(t.app, clinic);
    const hours = await call('PUT', `/api/v1/providers/${clinic.doctor.id}/working-hours`, { slotMinutes: 30, days: { monday: [{ start: '08:00', end: '12:00' }] } });
    const exception = await call('POST', `/api/v1/providers/${clinic.doctor.id}/exceptions`, { date: nextWeekday(MONDAY, 9) });
    const department = await call('POST', `/api/v1/facilities/${clinic.facility.id}/departments`, { name: 'Lab', code: 'LAB' });
    const booked = await book(t.app, clinic.receptionist, { patientId: patient.id, providerId: clinic.doctor.id, dateTime: `${nextWeekday(MONDAY)}T09:00:00`, type: 'consultation' });
    const appointment = booked.json();
    const history = await call('GET', `/api/v1/appointments/${appointment.id}/history`);
    const p = await call('GET', `/api/v1/patients/${patient.id}`);
    const f = await call('GET', `/api/v1/facilities/${clinic.facility.id}`);
    const u = await call('GET', `/api/v1/users/${clinic.doctor.id}`);
    const audit = await call('GET', '/api/v1/audit-events?limit=1');
    const instants: Record<string, unknown> = {
      'patient.createdAt': p.createdAt, 'patient.updatedAt': p.updatedAt, 'facility.createdAt': f.createdAt, 'facility.updatedAt': f.updatedAt,
      'user.createdAt': u.createdAt, 'user.updatedAt': u.updatedAt, 'hours.updatedAt': hours.updatedAt, 'exception.createdAt': exception.createdAt,
      'department.createdAt': department.createdAt, 'appointment.createdAt': appointment.createdAt, 'appointment.updatedAt': appointment.updatedAt,
      'history.occurredAt': history.items[0].occurredAt, 'audit.occurredAt': audit.items[0].occurredAt,
    };
    for (const [name, value] of Object.entries(instants)) assert.match(String(value), INSTANT, name);
    assert.match(appointment.dateTime, KHARTOUM);
    assert.match(appointment.endTime, KHARTOUM);
  });
});
