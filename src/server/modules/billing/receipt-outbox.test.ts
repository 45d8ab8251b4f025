// The receipt email on every database: its delivery row is queued once, in the payment's
// transaction, when a payment completes (cash at once, a transfer on confirmation) and the patient
// has an email address (their contact preference's, else their record's); never for a payment
// refused or rolled back, a pending transfer, or a patient without one; logged skipped on opt-out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, type Clinic } from '../../../../test/support/scheduling.ts';
import { call } from '../../../../test/support/clinical.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { takePayment } from './payments.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    assert.equal((await call(t.app, clinic.billing, 'POST', '/cash-shifts', { openingFloat: 0 })).statusCode, 201);
  });
  after(() => t.close());

  async function invoiceFor(email: string | null): Promise<string> {
    const patient = await call(t.app, clinic.receptionist, 'POST', '/patients', { firstName: 'Amna', lastName: `Osman ${uuidv7().slice(-6)}`, dateOfBirth: '1990-01-01', email, confirmNew: true });
    assert.equal(patient.statusCode, 201, patient.body);
    assert.equal(patient.json().email, email);
    const inv = await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: patient.json().id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: 1000 }] });
    assert.equal(inv.statusCode, 201, inv.body);
    return inv.json().id;
  }
  const pay = (invoiceId: string, payload: object, key = uuidv7()) => t.app.inject({
    method: 'POST', url: `/api/v1/invoices/${invoiceId}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': key }, payload,
  });
  const receipts = async () => t.db.kysely.selectFrom('notification_deliveries').select(['subject_ref', 'channel', 'status', 'recipient', 'dedupe_key', 'outbox_id'])
    .where('facility_id', '=', clinic.facility.id).where('event', '=', 'billing.receipt').execute();
  const receiptsFor = async (paymentId: string) => (await receipts()).filter((r) => r.subject_ref === `payment:${paymentId}`)
    .map((r) => ({ channel: r.channel, status: r.status, recipient: r.recipient, dedupeKey: r.dedupe_key, job: r.outbox_id !== null }));
  const setPreferences = async (invoiceId: string, prefs: { email: string | null; emailOptOut: boolean }) => {
    const inv = await t.db.kysely.selectFrom('invoices').select('patient_id').where('id', '=', invoiceId).executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/patients/${inv.patient_id}/contact-preferences`, headers: clinic.receptionist.headers, payload: { ...prefs, smsOptOut: false, language: null } });
    assert.equal(res.statusCode, 200, res.body);
  };

  test('a completed cash payment queues its receipt once, even when the request is retried', async () => {
    const invoiceId = await invoiceFor('amna@example.com');
    const key = uuidv7();
    const first = await pay(invoiceId, { amount: 400, method: 'cash' }, key);
    assert.equal(first.statusCode, 201, first.body);
    assert.equal((await pay(invoiceId, { amount: 400, method: 'cash' }, key)).statusCode, 201);
    const id = first.json().id as string;
    assert.deepEqual(await receiptsFor(id), [{ channel: 'email', status: 'queued', recipient: 'am***@example.com', dedupeKey: `receipt:${id}`, job: true }]);
  });

  test('a patient without an email address gets no receipt', async () => {
    const invoiceId = await invoiceFor(null);
    const paid = await pay(invoiceId, { amount: 1000, method: 'cash' });
    assert.equal(paid.statusCode, 201, paid.body);
    assert.deepEqual(await receiptsFor(paid.json().id), []);
  });

  test('the contact preference\'s address wins over the record\'s; an opt-out is logged skipped, with no job', async () => {
    const preferred = await invoiceFor('record@example.com');
    await setPreferences(preferred, { email: 'preferred@example.net', emailOptOut: false });
    const paid = await pay(preferred, { amount: 1000, method: 'cash' });
    assert.equal(paid.statusCode, 201, paid.body);
    assert.deepEqual((await receiptsFor(paid.json().id)).map((r) => r.recipient), ['pr***@example.net']);

    const optedOut = await invoiceFor('optout@example.com');
    await setPreferences(optedOut, { email: null, emailOptOut: true });
    const skipped = await pay(optedOut, { amount: 1000, method: 'cash' });
    assert.equal(skipped.statusCode, 201, skipped.body);
    assert.deepEqual((await receiptsFor(skipped.json().id)).map((r) => [r.status, r.job, r.recipient]), [['skipped_opt_out', false, 'op***@example.com']]);
  });

  test('a refused payment and a rolled-back one queue nothing', async () => {
    const invoiceId = await invoiceFor('refused@example.com');
    const before = (await receipts()).length;
    assert.equal((await pay(invoiceId, { amount: 5000, method: 'cash' })).statusCode, 422);
    const caller = { facilityId: clinic.facility.id, userId: clinic.billing.id, audit: { actorId: clinic.billing.id, facilityId: clinic.facility.id, ip: null, userAgent: null, requestId: null } };
    let taken = '';
    await assert.rejects(t.db.kysely.transaction().execute(async (trx) => {
      taken = (await takePayment(t.app.ctx, trx, caller, invoiceId, { amount: 1000, method: 'cash' })).id;
      assert.equal((await trx.selectFrom('notification_deliveries').select('id').where('facility_id', '=', clinic.facility.id).where('event', '=', 'billing.receipt').execute()).length, before + 1, 'queued inside the transaction');
      throw new Error('the request failed after the payment was written');
    }), /request failed/);
    assert.ok(taken);
    assert.equal((await receipts()).length, before);
    assert.equal((await t.db.kysely.selectFrom('payments').select('id').where('id', '=', taken).execute()).length, 0);
  });

  test('a transfer queues its receipt when confirmed, not while pending', async () => {
    const invoiceId = await invoiceFor('transfer@example.com');
    const pending = await pay(invoiceId, { amount: 1000, method: 'bank_transfer', reference: `BNK-${uuidv7().slice(-10)}` });
    assert.equal(pending.statusCode, 201, pending.body);
    assert.deepEqual(await receiptsFor(pending.json().id), []);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/payments/${pending.json().id}/confirm`)).statusCode, 200);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/payments/${pending.json().id}/confirm`)).statusCode, 409);
    assert.equal((await receiptsFor(pending.json().id)).length, 1);
  });

  test('a malformed email address is refused at registration', async () => {
    const res = await call(t.app, clinic.receptionist, 'POST', '/patients', { firstName: 'Amna', lastName: 'Osman', dateOfBirth: '1990-01-01', email: 'not an address', confirmNew: true });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /email/);
  });
});
