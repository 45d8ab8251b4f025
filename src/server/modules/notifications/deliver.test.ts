// Delivery on every database, to a real SMTP server and a local SMS gateway: the log goes
// queued → sending → sent with the provider's id, a job redelivered after 'sent' sends nothing,
// a transient failure is retried and a permanent one is dead at once, a number outside Sudan is
// refused, an opt-out made after queuing is honoured, attachments come from their module, and a
// critical lab result reaches the ordering clinician.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect } from '../../../../test/support/app.ts';
import { startNotifyEnv, drain, type NotifyEnv } from '../../../../test/support/notifications.ts';
import { createClinic, createPatient, type Clinic, type TestPatient } from '../../../../test/support/scheduling.ts';
import { enqueue } from '../../platform/outbox/enqueue.ts';
import { nowIso } from '../../platform/ids.ts';
import pino from 'pino';
import { OutboxWorker } from '../../platform/outbox/worker.ts';
import { queueNotification, registerTemplate, CRITICAL_RESULT_EVENT, NOTIFICATION_TOPIC, notificationChannels } from './index.ts';
import { deliveryHandler } from './deliver.ts';

registerTemplate('test.hello', {
  en: (d) => ({ subject: `Hello ${String(d.name)}`, text: `Hello ${String(d.name)}, code ${String(d.code)}` }),
  ar: (d) => ({ subject: `مرحبا ${String(d.name)}`, text: `مرحبا ${String(d.name)}، الرمز ${String(d.code)}` }),
});

eachDialect((dialect) => {
  let n: NotifyEnv;
  let clinic: Clinic;
  let patient: TestPatient;
  before(async () => {
    n = await startNotifyEnv(dialect);
    clinic = await createClinic(n.t.app);
    patient = await createPatient(n.t.app, clinic);
    await n.t.db.kysely.updateTable('patients').set({ phone: '+249912345678' }).where('id', '=', patient.id).execute();
    await n.t.db.kysely.insertInto('patient_contact_preferences').values({ patient_id: patient.id, facility_id: clinic.facility.id, email: 'amna@example.org', sms_opt_out: 0, email_opt_out: 0, language: null, updated_by: clinic.admin.id, updated_at: nowIso() }).execute();
  });
  after(() => n.close());
  beforeEach(async () => {
    await n.t.db.kysely.deleteFrom('outbox').execute();
    n.smtp.received.length = 0;
    n.sms.messages.length = 0;
  });

  const db = () => n.t.db.kysely;
  const delivery = (id: string) => db().selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const queue = (over: Record<string, unknown> = {}) => queueNotification(db(), { facilityId: clinic.facility.id, event: 'test.hello', to: { patientId: patient.id }, data: { code: 42 }, ...over });

  test('email and SMS in the patient language arrive once; the log says sent with the provider ids', async () => {
    const queued = await queue();
    assert.deepEqual(queued.map((q) => q.channel), ['email', 'sms']);
    assert.equal(await drain([n.worker()]), 2);
    assert.equal(n.smtp.received.length, 1);
    assert.equal(n.sms.messages.length, 1);
    const mail = n.smtp.received[0]!.parsed;
    assert.equal(mail.subject, 'مرحبا Amna Osman', 'Arabic is the patient default; the name is added at send time');
    assert.match(mail.text ?? '', /الرمز 42/);
    assert.equal(n.sms.messages[0]!.encoding, 'ucs2');
    for (const q of queued) {
      const row = await delivery(q.id);
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 1);
      assert.ok(row.sent_at);
      assert.equal(row.provider_message_id, q.channel === 'email' ? `<${q.id}@clinic.example.sd>` : n.sms.messages[0]!.id);
    }
    assert.equal(n.smtp.received[0]!.parsed.messageId, `<${queued[0]!.id}@clinic.example.sd>`);
    const sent = await n.registry.getSingleMetric('notifications_sent_total')!.get();
    assert.deepEqual(sent.values.map((v) => [v.labels.channel, v.labels.event, v.value]).sort(), [['email', 'test.hello', 1], ['sms', 'test.hello', 1]]);

    // The job delivered again (a worker that died after 'sent' but before 'done'): nothing is sent.
    const email = await delivery(queued[0]!.id);
    await db().updateTable('outbox').set({ status: 'pending', run_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', email.outbox_id!).execute();
    assert.equal(await drain([n.worker()]), 1);
    assert.equal(n.smtp.received.length, 1);
    assert.equal((await delivery(email.id)).attempts, 1);
  });

  test('a transient SMTP failure is logged failed and retried; a 550 is dead at once with its error', async () => {
    const [email] = await queue({ channels: ['email'] });
    n.smtp.failNext(1, 451);
    assert.equal(await n.worker().tick(), 1);
    let row = await delivery(email!.id);
    assert.deepEqual([row.status, row.attempts], ['failed', 1]);
    assert.match(row.last_error ?? '', /451/);
    const job = await db().selectFrom('outbox').selectAll().where('id', '=', row.outbox_id!).executeTakeFirstOrThrow();
    assert.equal(job.status, 'pending');
    await db().updateTable('outbox').set({ run_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', job.id).execute();
    assert.equal(await n.worker().tick(), 1);
    row = await delivery(email!.id);
    assert.deepEqual([row.status, row.attempts, row.last_error], ['sent', 2, null]);
    assert.equal(n.smtp.received.length, 1);

    const [dead] = await queue({ channels: ['email'] });
    n.smtp.failNext(1, 550);
    await n.worker().tick();
    row = await delivery(dead!.id);
    assert.deepEqual([row.status, row.attempts], ['dead', 1]);
    assert.match(row.last_error ?? '', /SMTP 550/);
    assert.equal((await db().selectFrom('outbox').select('status').where('id', '=', row.outbox_id!).executeTakeFirstOrThrow()).status, 'failed');
    const failed = await n.registry.getSingleMetric('notifications_failed_total')!.get();
    assert.ok(failed.values.some((v) => v.labels.channel === 'email' && v.value >= 2));
  });

  test('the last allowed attempt that fails makes the delivery dead', async () => {
    const [email] = await queue({ channels: ['email'] });
    n.smtp.failNext(2, 421);
    const w = n.worker({ maxAttempts: 2 });
    await w.tick();
    assert.equal((await delivery(email!.id)).status, 'failed');
    await db().updateTable('outbox').set({ run_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', (await delivery(email!.id)).outbox_id!).execute();
    await w.tick();
    const row = await delivery(email!.id);
    assert.deepEqual([row.status, row.attempts], ['dead', 2]);
    assert.equal(n.smtp.received.length, 0);
  });

  test('an SMS to a number outside Sudan is dead without a request; an opt-out after queuing is honoured', async () => {
    const other = await createPatient(n.t.app, clinic, { first: 'Sara', last: 'Ali' });
    await db().updateTable('patients').set({ phone: '+201001234567' }).where('id', '=', other.id).execute();
    const requests = n.sms.requests;
    const [sms] = await queue({ to: { patientId: other.id } });
    await drain([n.worker()]);
    const row = await delivery(sms!.id);
    assert.equal(row.status, 'dead');
    assert.match(row.last_error ?? '', /\+249/);
    assert.equal(n.sms.requests, requests);

    const queued = await queue();
    await db().updateTable('patient_contact_preferences').set({ email_opt_out: 1 }).where('patient_id', '=', patient.id).execute();
    await drain([n.worker()]);
    assert.deepEqual((await Promise.all(queued.map((q) => delivery(q.id)))).map((r) => [r.channel, r.status]), [['email', 'skipped_opt_out'], ['sms', 'sent']]);
    assert.equal(n.smtp.received.length, 0);
    await db().updateTable('patient_contact_preferences').set({ email_opt_out: 0 }).where('patient_id', '=', patient.id).execute();
  });

  test('attachments are made at send time by the module that owns their kind, in the message language', async () => {
    const calls: string[] = [];
    const attachments = new Map([['receipt', async (_db: unknown, ref: string, language: 'en' | 'ar') => {
      calls.push(`${ref}:${language}`);
      return { filename: `receipt-${ref}.pdf`, contentType: 'application/pdf', content: Buffer.from(`%PDF receipt ${ref} ${language}`) };
    }]]);
    const channels = notificationChannels(n.t.config);
    try {
      const handlers = new Map([[NOTIFICATION_TOPIC, deliveryHandler({ db: db(), channels, attachments, log: pino({ level: 'silent' }) })]]);
      const [email, sms] = await queue({ attachments: [{ kind: 'receipt', ref: 'INV-1' }] });
      const [unknown] = await queue({ channels: ['email'], attachments: [{ kind: 'nope', ref: 'x' }] });
      await drain([new OutboxWorker(n.t.db, handlers, pino({ level: 'silent' }))]);
      assert.deepEqual(calls, ['INV-1:ar'], 'once, for the email only');
      assert.equal(n.smtp.received.length, 1);
      assert.deepEqual(n.smtp.received[0]!.parsed.attachments.map((a) => [a.filename, a.content.toString()]), [['receipt-INV-1.pdf', '%PDF receipt INV-1 ar']]);
      assert.equal((await delivery(sms!.id)).status, 'sent');
      assert.equal((await delivery(email!.id)).status, 'sent');
      const row = await delivery(unknown!.id);
      assert.deepEqual([row.status, row.last_error], ['dead', 'no module provides attachments of kind nope']);
    } finally {
      for (const c of Object.values(channels)) await c.close();
    }
  });

  test('a critical lab result job becomes one email to the ordering clinician, without values', async () => {
    const doctor = await db().selectFrom('users').select(['email', 'name']).where('id', '=', clinic.doctor.id).executeTakeFirstOrThrow();
    await enqueue(db(), 'lab.critical_result', { facilityId: clinic.facility.id, orderId: 'order-1', patientId: patient.id, notify: clinic.doctor.id, results: [{ code: '718-7', name: 'Hemoglobin', value: '6.1', flag: 'critical_low' }] });
    assert.equal(await drain([n.worker(), n.worker()]), 2, 'the clinical job, then the email');
    assert.equal(n.smtp.received.length, 1);
    const mail = n.smtp.received[0]!;
    assert.deepEqual(mail.envelopeTo, [doctor.email]);
    assert.match(mail.parsed.subject ?? '', new RegExp(`^Critical lab result: patient ${patient.mrn}$`));
    assert.match(mail.parsed.text ?? '', /Hemoglobin \(718-7\): critically low/);
    assert.ok(!(mail.parsed.text ?? '').includes('6.1'), 'the value stays in NileCare');
    const rows = await db().selectFrom('notification_deliveries').selectAll().where('event', '=', CRITICAL_RESULT_EVENT).execute();
    assert.deepEqual(rows.map((r) => [r.channel, r.status, r.subject_ref]), [['email', 'sent', 'lab_order:order-1']]);
  });
});
