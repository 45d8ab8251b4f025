// The receipt email job on every database: queued once, in the payment's transaction, when a
// payment completes (cash at once, a transfer on confirmation) and the patient has an email
// address; never for a payment refused or rolled back, a pending transfer, or a patient without one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, type Clinic } from '../../../../test/support/scheduling.ts';
import { call } from '../../../../test/support/clinical.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { RECEIPT_TOPIC } from './index.ts';
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
  const jobs = async () => (await t.db.kysely.selectFrom('outbox').select(['payload']).where('topic', '=', RECEIPT_TOPIC).execute())
    .map((j) => JSON.parse(j.payload) as { facilityId: string; paymentId: string });
  const jobsFor = async (paymentId: string) => (await jobs()).filter((j) => j.paymentId === paymentId);

  test('a completed cash payment queues its receipt once, even when the request is retried', async () => {
    const invoiceId = await invoiceFor('amna@example.com');
    const key = uuidv7();
    const first = await pay(invoiceId, { amount: 400, method: 'cash' }, key);
    assert.equal(first.statusCode, 201, first.body);
    assert.equal((await pay(invoiceId, { amount: 400, method: 'cash' }, key)).statusCode, 201);
    assert.deepEqual(await jobsFor(first.json().id), [{ facilityId: clinic.facility.id, paymentId: first.json().id }]);
  });

  test('a patient without an email address gets no receipt job', async () => {
    const invoiceId = await invoiceFor(null);
    const paid = await pay(invoiceId, { amount: 1000, method: 'cash' });
    assert.equal(paid.statusCode, 201, paid.body);
    assert.deepEqual(await jobsFor(paid.json().id), []);
  });

  test('a refused payment and a rolled-back one queue nothing', async () => {
    const invoiceId = await invoiceFor('refused@example.com');
    const before = (await jobs()).length;
    assert.equal((await pay(invoiceId, { amount: 5000, method: 'cash' })).statusCode, 422);
    const caller = { facilityId: clinic.facility.id, userId: clinic.billing.id, audit: { actorId: clinic.billing.id, facilityId: clinic.facility.id, ip: null, userAgent: null, requestId: null } };
    let taken = '';
    await assert.rejects(t.db.kysely.transaction().execute(async (trx) => {
      taken = (await takePayment(t.app.ctx, trx, caller, invoiceId, { amount: 1000, method: 'cash' })).id;
      assert.equal((await trx.selectFrom('outbox').select('id').where('topic', '=', RECEIPT_TOPIC).execute()).length, before + 1, 'queued inside the transaction');
      throw new Error('the request failed after the payment was written');
    }), /request failed/);
    assert.ok(taken);
    assert.equal((await jobs()).length, before);
    assert.equal((await t.db.kysely.selectFrom('payments').select('id').where('id', '=', taken).execute()).length, 0);
  });

  test('a transfer queues its receipt when confirmed, not while pending', async () => {
    const invoiceId = await invoiceFor('transfer@example.com');
    const pending = await pay(invoiceId, { amount: 1000, method: 'bank_transfer', reference: `BNK-${uuidv7().slice(-10)}` });
    assert.equal(pending.statusCode, 201, pending.body);
    assert.deepEqual(await jobsFor(pending.json().id), []);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/payments/${pending.json().id}/confirm`)).statusCode, 200);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/payments/${pending.json().id}/confirm`)).statusCode, 409);
    assert.equal((await jobsFor(pending.json().id)).length, 1);
  });

  test('a malformed email address is refused at registration', async () => {
    const res = await call(t.app, clinic.receptionist, 'POST', '/patients', { firstName: 'Amna', lastName: 'Osman', dateOfBirth: '1990-01-01', email: 'not an address', confirmNew: true });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /email/);
  });
});
