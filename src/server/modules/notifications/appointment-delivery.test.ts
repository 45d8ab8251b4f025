// "Done when", on every database: booking an appointment through the API yields a confirmation
// and — once its reminder is due — a reminder, each arriving exactly once at a real SMTP server
// and at the local SMS gateway, with two workers draining the queue side by side. A booking that
// fails (and rolls back) sends nothing; a rescheduled appointment's old reminder is never sent.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect } from '../../../../test/support/app.ts';
import { startNotifyEnv, drain, type NotifyEnv } from '../../../../test/support/notifications.ts';
import { book, createClinic, createPatient, nextWeekday, type Clinic, type TestPatient, MONDAY, THURSDAY } from '../../../../test/support/scheduling.ts';

eachDialect((dialect) => {
  let n: NotifyEnv;
  let clinic: Clinic;
  let patient: TestPatient;
  let hour = 8;
  before(async () => {
    n = await startNotifyEnv(dialect);
    clinic = await createClinic(n.t.app);
    patient = await createPatient(n.t.app, clinic);
    await n.t.db.kysely.updateTable('patients').set({ phone: '+249912345678' }).where('id', '=', patient.id).execute();
    const res = await n.t.app.inject({ method: 'PUT', url: `/api/v1/patients/${patient.id}/contact-preferences`, headers: clinic.receptionist.headers, payload: { email: 'amna@example.org', smsOptOut: false, emailOptOut: false, language: 'en' } });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => n.close());
  beforeEach(() => { n.smtp.received.length = 0; n.sms.messages.length = 0; });

  const bookAt = (day: string) => book(n.t.app, clinic.receptionist, { patientId: patient.id, providerId: clinic.doctor.id, dateTime: `${day} ${String(hour++).padStart(2, '0')}:00`, type: 'consultation' });
  /** The clock moved on: every reminder of the appointment is due now. */
  const reminderDue = async (appointmentId: string) => {
    const rows = await n.t.db.kysely.selectFrom('notification_deliveries').select('outbox_id').where('subject_ref', '=', `appointment:${appointmentId}`).where('event', '=', 'appointment.reminder').execute();
    await n.t.db.kysely.updateTable('outbox').set({ run_at: '2000-01-01T00:00:00.000Z' }).where('id', 'in', rows.map((r) => r.outbox_id!)).execute();
  };

  test('a booking yields one confirmation now and one reminder when due, by email and SMS, with two workers', async () => {
    const res = await bookAt(nextWeekday(MONDAY, 3));
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id as string;
    const workers = [n.worker({ batchSize: 1 }), n.worker({ batchSize: 1 })];
    await drain(workers);
    assert.deepEqual(n.smtp.received.map((m) => m.parsed.subject?.split(':')[0]), ['Appointment confirmed']);
    assert.equal(n.sms.messages.length, 1);
    assert.match(n.sms.messages[0]!.text, /is booked for/);
    assert.match(n.smtp.received[0]!.parsed.text ?? '', /Dr Fatima/);

    await drain(workers);
    assert.equal(n.smtp.received.length, 1, 'the reminder waits for its time');
    await reminderDue(id);
    await drain(workers);
    await drain(workers);
    assert.deepEqual(n.smtp.received.map((m) => m.parsed.subject?.split(':')[0]), ['Appointment confirmed', 'Reminder']);
    assert.deepEqual(n.sms.messages.map((m) => m.text.split(',')[0]), ['Dear Amna Osman', 'Dear Amna Osman']);
    assert.equal(n.sms.requests, n.sms.messages.length, 'no request was repeated');
    const ids = n.smtp.received.map((m) => m.parsed.messageId);
    assert.equal(new Set(ids).size, 2);
    const rows = await n.t.db.kysely.selectFrom('notification_deliveries').select(['event', 'channel', 'status', 'attempts']).where('subject_ref', '=', `appointment:${id}`).execute();
    assert.equal(rows.length, 4);
    assert.ok(rows.every((r) => r.status === 'sent' && Number(r.attempts) === 1), JSON.stringify(rows));
  });

  test('a booking that fails sends nothing; a rescheduled appointment sends the notice and only the new reminder', async () => {
    const day = nextWeekday(THURSDAY, 3);
    const first = await bookAt(day);
    assert.equal(first.statusCode, 201, first.body);
    // The same slot again: refused inside the transaction, so nothing of it is queued.
    hour--;
    const clash = await bookAt(day);
    assert.equal(clash.statusCode, 409, clash.body);
    await drain([n.worker()]);
    assert.equal(n.smtp.received.length, 1, 'only the first booking was confirmed');

    const id = first.json().id as string;
    const moved = await n.t.app.inject({ method: 'POST', url: `/api/v1/appointments/${id}/reschedule`, headers: clinic.receptionist.headers, payload: { dateTime: `${day} 15:00` } });
    assert.equal(moved.statusCode, 200, moved.body);
    await reminderDue(id);
    await drain([n.worker(), n.worker()]);
    assert.deepEqual(n.smtp.received.map((m) => m.parsed.subject?.split(' ').slice(0, 2).join(' ')).sort(), ['Appointment confirmed:', 'Appointment moved', 'Reminder: appointment']);
    const reminder = n.smtp.received.find((m) => m.parsed.subject?.startsWith('Reminder'))!;
    assert.match(reminder.parsed.subject ?? '', /15:00/, 'the reminder names the new time');
    assert.equal(n.sms.messages.length, 3);
  });
});
