// Queuing on every database: booking an appointment writes the confirmation and the reminder in
// the booking's transaction (none when it rolls back), opt-outs are logged and not queued, a dedupe
// key queues once, and rescheduling or cancelling cancels the waiting reminder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { book, createClinic, createPatient, nextWeekday, type Clinic, type TestPatient, MONDAY, TUESDAY } from '../../../../test/support/scheduling.ts';
import { nowIso } from '../../platform/ids.ts';
import { queueNotification, APPOINTMENT_EVENTS } from './index.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let patient: TestPatient;
  let hour = 8;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    patient = await createPatient(t.app, clinic);
    await t.db.kysely.updateTable('patients').set({ phone: '+249912345678' }).where('id', '=', patient.id).execute();
  });
  after(() => t.close());

  const deliveries = (ref: string) => t.db.kysely.selectFrom('notification_deliveries').selectAll().where('subject_ref', '=', ref).orderBy('created_at').orderBy('event').execute();
  async function booked(p = patient): Promise<string> {
    const res = await book(t.app, clinic.receptionist, { patientId: p.id, providerId: clinic.doctor.id, dateTime: `${nextWeekday(MONDAY, 3)} ${String(hour++).padStart(2, '0')}:00`, type: 'consultation' });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id;
  }

  test('booking queues a confirmation and a reminder, each with its outbox job, recipient masked', async () => {
    const id = await booked();
    const rows = await deliveries(`appointment:${id}`);
    assert.deepEqual(rows.map((r) => [r.event, r.channel, r.status, r.language]).sort(), [[APPOINTMENT_EVENTS.booked, 'sms', 'queued', 'ar'], [APPOINTMENT_EVENTS.reminder, 'sms', 'queued', 'ar']]);
    for (const r of rows) {
      assert.equal(r.recipient, '+24991*****78');
      const job = await t.db.kysely.selectFrom('outbox').selectAll().where('id', '=', r.outbox_id!).executeTakeFirstOrThrow();
      assert.equal(job.topic, 'notification.deliver');
      assert.equal(JSON.parse(job.payload).address, '+249912345678');
    }
    const reminder = rows.find((r) => r.event === APPOINTMENT_EVENTS.reminder)!;
    const appt = await t.db.kysely.selectFrom('appointments').select('starts_at').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(Date.parse(reminder.send_at), Date.parse(appt.starts_at) - 24 * 3_600_000, 'the default lead is 24 h');
  });

  test('rescheduling cancels the waiting reminder and queues a new one; cancelling cancels it', async () => {
    const id = await booked();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, headers: clinic.receptionist.headers, payload: { dateTime: `${nextWeekday(TUESDAY, 3)} 09:00` } });
    assert.equal(res.statusCode, 200, res.body);
    let rows = await deliveries(`appointment:${id}`);
    assert.deepEqual(rows.filter((r) => r.event === APPOINTMENT_EVENTS.reminder).map((r) => r.status).sort(), ['cancelled', 'queued']);
    assert.equal(rows.filter((r) => r.event === APPOINTMENT_EVENTS.rescheduled).length, 1);
    const cancel = await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${id}/cancel`, headers: clinic.receptionist.headers, payload: { reason: 'travel' } });
    assert.equal(cancel.statusCode, 200, cancel.body);
    rows = await deliveries(`appointment:${id}`);
    assert.deepEqual(rows.filter((r) => r.event === APPOINTMENT_EVENTS.reminder).map((r) => r.status), ['cancelled', 'cancelled']);
    assert.equal(rows.filter((r) => r.event === APPOINTMENT_EVENTS.cancelled && r.status === 'queued').length, 1);
  });

  test('a rolled-back transaction queues nothing; a dedupe key queues once; an opt-out is logged, not queued', async () => {
    const req = { facilityId: clinic.facility.id, event: APPOINTMENT_EVENTS.booked, to: { patientId: patient.id }, data: {}, subjectRef: 'test:rollback' };
    await assert.rejects(t.db.kysely.transaction().execute(async (trx) => {
      assert.equal((await queueNotification(trx, req)).length, 1);
      throw new Error('roll back');
    }), /roll back/);
    assert.deepEqual(await deliveries('test:rollback'), []);

    const keyed = { ...req, subjectRef: 'test:dedupe', dedupeKey: 'k-1' };
    const [first] = await queueNotification(t.db.kysely, keyed);
    const [second] = await queueNotification(t.db.kysely, keyed);
    assert.equal(first!.id, second!.id);
    assert.equal((await deliveries('test:dedupe')).length, 1);

    await t.db.kysely.insertInto('patient_contact_preferences').values({ patient_id: patient.id, facility_id: clinic.facility.id, email: 'amna@example.org', sms_opt_out: 1, email_opt_out: 0, language: 'ar', updated_by: clinic.admin.id, updated_at: nowIso() }).execute();
    const queued = await queueNotification(t.db.kysely, { ...req, subjectRef: 'test:optout' });
    assert.deepEqual(queued.map((q) => [q.channel, q.status]), [['email', 'queued'], ['sms', 'skipped_opt_out']]);
    const rows = await deliveries('test:optout');
    assert.deepEqual(rows.map((r) => [r.channel, r.language, r.outbox_id === null, r.recipient]).sort(), [['email', 'ar', false, 'am***@example.org'], ['sms', 'ar', true, '+24991*****78']]);
    await t.db.kysely.deleteFrom('patient_contact_preferences').execute();
  });
});
