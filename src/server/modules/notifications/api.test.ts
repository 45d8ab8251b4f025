// The notifications API on every database: the delivery log with filters and cursor paging (masked
// recipients, facility-scoped), retry of a dead delivery only, the facility's reminder settings
// (bounded, and used by the next booking), and a patient's contact preferences.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { book, createClinic, createPatient, nextWeekday, type Clinic, type TestPatient, WEDNESDAY } from '../../../../test/support/scheduling.ts';
import { insertDeadDelivery } from '../../../../test/support/notification-records.ts';

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

  const get = (url: string, who = clinic.admin) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who.headers });
  const send = (method: 'POST' | 'PUT', url: string, payload?: object, who = clinic.admin) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });

  test('the log lists newest first, filters, pages with a cursor, and shows only the facility\'s own', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await insertDeadDelivery(t.db, clinic.facility.id, { status: i % 2 ? 'dead' : 'sent', event: i < 3 ? 'appointment.booked' : 'appointment.reminder', createdAt: `2026-11-0${i + 1}T10:00:00.000Z` }));
    await insertDeadDelivery(t.db, other.facility.id);
    const first = await get('/notifications?limit=2');
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json().items.map((d: { id: string }) => d.id), [ids[4], ids[3]]);
    assert.equal(first.json().items[0].recipient, 'x***@example.org');
    const second = await get(`/notifications?limit=2&cursor=${first.json().nextCursor}`);
    assert.deepEqual(second.json().items.map((d: { id: string }) => d.id), [ids[2], ids[1]]);
    const third = await get(`/notifications?limit=2&cursor=${second.json().nextCursor}`);
    assert.deepEqual([third.json().items.map((d: { id: string }) => d.id), third.json().nextCursor], [[ids[0]], null]);

    assert.deepEqual((await get('/notifications?status=dead')).json().items.map((d: { id: string }) => d.id), [ids[3], ids[1]]);
    assert.deepEqual((await get('/notifications?event=appointment.reminder&channel=email')).json().items.map((d: { id: string }) => d.id), [ids[4], ids[3]]);
    assert.deepEqual((await get('/notifications?from=2026-11-02&to=2026-11-03')).json().items.map((d: { id: string }) => d.id), [ids[2], ids[1]]);
    assert.equal((await get('/notifications?limit=101')).statusCode, 400);
    assert.equal((await get('/notifications?cursor=bm90LWEtY3Vyc29y')).statusCode, 400);
    assert.equal((await get('/notifications', clinic.receptionist)).statusCode, 403);
  });

  test('retry puts a dead delivery and its job back in the queue, due now; anything else is 409', async () => {
    const id = await insertDeadDelivery(t.db, clinic.facility.id);
    const res = await send('POST', `/notifications/${id}/retry`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'queued');
    const row = await t.db.kysely.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const job = await t.db.kysely.selectFrom('outbox').selectAll().where('id', '=', row.outbox_id!).executeTakeFirstOrThrow();
    assert.deepEqual([job.status, job.attempts], ['pending', 0]);
    assert.ok(Date.parse(job.run_at) <= Date.now());
    const again = await send('POST', `/notifications/${id}/retry`);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().currentStatus, 'queued');
    const audit = await t.db.kysely.selectFrom('audit_events').select('action').where('target_id', '=', id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['notification.retry']);
    assert.equal((await send('POST', `/notifications/${await insertDeadDelivery(t.db, other.facility.id)}/retry`)).statusCode, 404);
  });

  test('facility settings: defaults, bounded lead time, and the next booking uses them', async () => {
    assert.deepEqual((await get('/notifications/settings')).json(), { reminderLeadMinutes: 1440, emailEnabled: true, smsEnabled: true, securityContactEmail: null, dailySummaryEnabled: true });
    const bad = await send('PUT', '/notifications/settings', { reminderLeadMinutes: 10, emailEnabled: true, smsEnabled: true });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /reminderLeadMinutes/);
    const put = await send('PUT', '/notifications/settings', { reminderLeadMinutes: 120, emailEnabled: false, smsEnabled: true });
    assert.equal(put.statusCode, 200, put.body);
    assert.deepEqual((await get('/notifications/settings')).json(), { reminderLeadMinutes: 120, emailEnabled: false, smsEnabled: true, securityContactEmail: null, dailySummaryEnabled: true });
    assert.deepEqual((await get('/notifications/settings', other.admin)).json().reminderLeadMinutes, 1440, 'another facility keeps its own');
    // The security contact (told of repeated failed sign-ins): set, kept when left out, cleared with null.
    const contact = await send('PUT', '/notifications/settings', { reminderLeadMinutes: 120, emailEnabled: false, smsEnabled: true, securityContactEmail: 'Security@Clinic.example.sd' });
    assert.equal(contact.json().securityContactEmail, 'security@clinic.example.sd', contact.body);
    assert.equal((await send('PUT', '/notifications/settings', { reminderLeadMinutes: 120, emailEnabled: false, smsEnabled: true })).json().securityContactEmail, 'security@clinic.example.sd');
    assert.equal((await send('PUT', '/notifications/settings', { reminderLeadMinutes: 120, emailEnabled: false, smsEnabled: true, securityContactEmail: 'not-an-email' })).statusCode, 400);
    assert.equal((await send('PUT', '/notifications/settings', { reminderLeadMinutes: 120, emailEnabled: false, smsEnabled: true, securityContactEmail: null })).json().securityContactEmail, null);
    // The daily summary: turned off, kept off when left out, on again.
    assert.equal((await send('PUT', '/notifications/settings', { reminderLeadMinutes: 120, emailEnabled: false, smsEnabled: true, dailySummaryEnabled: false })).json().dailySummaryEnabled, false);
    assert.equal((await send('PUT', '/notifications/settings', { reminderLeadMinutes: 120, emailEnabled: false, smsEnabled: true })).json().dailySummaryEnabled, false);
    assert.equal((await send('PUT', '/notifications/settings', { reminderLeadMinutes: 120, emailEnabled: false, smsEnabled: true, dailySummaryEnabled: true })).json().dailySummaryEnabled, true);

    await t.db.kysely.updateTable('patients').set({ phone: '+249911111111' }).where('id', '=', patient.id).execute();
    await send('PUT', `/patients/${patient.id}/contact-preferences`, { email: 'amna@example.org', smsOptOut: false, emailOptOut: false, language: 'en' });
    const booked = await book(t.app, clinic.receptionist, { patientId: patient.id, providerId: clinic.doctor.id, dateTime: `${nextWeekday(WEDNESDAY, 3)} 10:00`, type: 'consultation' });
    assert.equal(booked.statusCode, 201, booked.body);
    const rows = await t.db.kysely.selectFrom('notification_deliveries').selectAll().where('subject_ref', '=', `appointment:${booked.json().id}`).execute();
    assert.deepEqual(rows.map((r) => [r.event, r.channel, r.language]).sort(), [['appointment.booked', 'sms', 'en'], ['appointment.reminder', 'sms', 'en']], 'email is off in this facility');
    const reminder = rows.find((r) => r.event === 'appointment.reminder')!;
    const appt = await t.db.kysely.selectFrom('appointments').select('starts_at').where('id', '=', booked.json().id).executeTakeFirstOrThrow();
    assert.equal(Date.parse(appt.starts_at) - Date.parse(reminder.send_at), 120 * 60_000);
  });

  test('contact preferences: read, set, audited; another facility\'s patient is 404; bad email is 400', async () => {
    const url = `/patients/${patient.id}/contact-preferences`;
    const put = await send('PUT', url, { email: 'Amna@Example.org', smsOptOut: true, emailOptOut: false, language: 'ar' }, clinic.receptionist);
    assert.equal(put.statusCode, 200, put.body);
    assert.deepEqual(put.json(), { email: 'amna@example.org', emailFromRecord: false, smsOptOut: true, emailOptOut: false, language: 'ar' });
    assert.deepEqual((await get(url, clinic.nurse)).json(), put.json());
    assert.equal((await send('PUT', url, { email: 'not-an-email', smsOptOut: false, emailOptOut: false, language: null })).statusCode, 400);
    assert.equal((await get(url, other.admin)).statusCode, 404);
    assert.equal((await send('PUT', url, { email: null, smsOptOut: false, emailOptOut: false, language: null }, clinic.billing)).statusCode, 403);
    const audit = await t.db.kysely.selectFrom('audit_events').select(['action', 'patient_id']).where('action', 'like', 'patient.contact_preferences%').execute();
    assert.ok(audit.some((a) => a.action === 'patient.contact_preferences.update' && a.patient_id === patient.id));
    assert.ok(audit.some((a) => a.action === 'patient.contact_preferences.read'));
    assert.ok(!JSON.stringify(await t.db.kysely.selectFrom('audit_events').select('details').where('action', '=', 'patient.contact_preferences.update').execute()).includes('amna@'), 'the address stays out of the audit log');
  });

  test('one email rule: the contact preference\'s address when set, else the record\'s; sending the record\'s back keeps following it', async () => {
    const created = await send('POST', '/patients', { firstName: 'Sara', lastName: 'Ali', dateOfBirth: '1991-02-03', email: 'sara@example.org', confirmNew: true }, clinic.receptionist);
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    const url = `/patients/${id}/contact-preferences`;
    const view = async () => { const r = await get(url); return { email: r.json().email, fromRecord: r.json().emailFromRecord }; };
    const stored = async () => (await t.db.kysely.selectFrom('patient_contact_preferences').select('email').where('patient_id', '=', id).executeTakeFirst())?.email;
    const put = (email: string | null) => send('PUT', url, { email, smsOptOut: false, emailOptOut: false, language: null }, clinic.receptionist);
    assert.deepEqual(await view(), { email: 'sara@example.org', fromRecord: true }, 'no preferences yet: the record\'s');
    assert.equal((await put('Sara@Example.org')).json().emailFromRecord, true);
    assert.equal(await stored(), null, 'the record\'s address sent back is not copied');
    assert.deepEqual((await put('sara.work@example.org')).json().email, 'sara.work@example.org');
    assert.deepEqual(await view(), { email: 'sara.work@example.org', fromRecord: false });
    await put(null);
    assert.deepEqual(await view(), { email: 'sara@example.org', fromRecord: true }, 'cleared: back to the record\'s');
    const noEmail = await createPatient(t.app, clinic, { first: 'Omer', last: 'Taha' });
    assert.deepEqual((await get(`/patients/${noEmail.id}/contact-preferences`)).json(), { email: null, emailFromRecord: false, smsOptOut: false, emailOptOut: false, language: null });
  });

  test('a merge gives the survivor the duplicate\'s contact preferences when it has none, and keeps its own otherwise', async () => {
    const prefs = (p: TestPatient) => get(`/patients/${p.id}/contact-preferences`);
    const merge = (survivor: TestPatient, duplicate: TestPatient) => send('POST', `/patients/${survivor.id}/merge`, { duplicateId: duplicate.id }, clinic.receptionist);
    const survivor = await createPatient(t.app, clinic, { first: 'Huda', last: 'Salih' });
    const duplicate = await createPatient(t.app, clinic, { first: 'Hoda', last: 'Saleh' });
    await send('PUT', `/patients/${duplicate.id}/contact-preferences`, { email: 'huda@example.org', smsOptOut: true, emailOptOut: false, language: 'en' });
    const res = await merge(survivor, duplicate);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((await prefs(survivor)).json(), { email: 'huda@example.org', emailFromRecord: false, smsOptOut: true, emailOptOut: false, language: 'en' });

    const third = await createPatient(t.app, clinic, { first: 'Huda', last: 'Saleh' });
    await send('PUT', `/patients/${third.id}/contact-preferences`, { email: 'other@example.org', smsOptOut: false, emailOptOut: true, language: 'ar' });
    assert.equal((await merge(survivor, third)).statusCode, 200);
    assert.equal((await prefs(survivor)).json().email, 'huda@example.org', 'the survivor keeps its own');
    const left = await t.db.kysely.selectFrom('patient_contact_preferences').select('patient_id').where('patient_id', 'in', [duplicate.id, third.id]).execute();
    assert.deepEqual(left, []);
  });
});
