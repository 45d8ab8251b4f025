// Payments on every database: partial then final payment, overpaying refused, Idempotency-Key
// (required; the same key answers the first response, another body is refused, 50 concurrent
// identical requests make one payment), pending transfers and their unique references, refunds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, type Clinic, type Staff } from '../../../../test/support/scheduling.ts';
import { call } from '../../../../test/support/clinical.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { ABANDONED_MS, requestHash } from './idempotency.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let other: Clinic;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    other = await createClinic(t.app);
    assert.equal((await call(t.app, clinic.billing, 'POST', '/cash-shifts', { openingFloat: 0 })).statusCode, 201);
  });
  after(() => t.close());

  async function invoiceOf(total: number): Promise<string> {
    const p = await createPatient(t.app, clinic);
    const res = await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: total }] });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id;
  }
  const pay = (invoiceId: string, payload: object, key: string | null = uuidv7(), who: Staff = clinic.billing) => t.app.inject({
    method: 'POST', url: `/api/v1/invoices/${invoiceId}/payments`, headers: { ...who.headers, ...(key ? { 'idempotency-key': key } : {}) }, payload,
  });
  const invoice = async (id: string) => (await call(t.app, clinic.billing, 'GET', `/invoices/${id}`)).json();
  const paymentRows = async (invoiceId: string) => (await t.db.kysely.selectFrom('payments').select('id').where('invoice_id', '=', invoiceId).execute()).length;

  test('an invoice of 1000 paid 400 then 600 reads back paid; more than is due is a 422', async () => {
    const id = await invoiceOf(1000);
    const first = await pay(id, { amount: 400, method: 'cash' });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().status, 'completed');
    assert.equal((await invoice(id)).status, 'partially_paid');
    const over = await pay(id, { amount: 601, method: 'cash' });
    assert.equal(over.statusCode, 422);
    assert.match(over.json().detail, /600 still due/);
    assert.equal((await pay(id, { amount: 600, method: 'cash' })).statusCode, 201);
    const paid = await invoice(id);
    assert.deepEqual([paid.status, paid.amountPaid, paid.amountDue], ['paid', 1000, 0]);
    assert.equal((await pay(id, { amount: 1, method: 'cash' })).statusCode, 422);
    assert.equal(await paymentRows(id), 2);
  });

  test('the Idempotency-Key is required, replays the first response, and refuses another body', async () => {
    const id = await invoiceOf(1000);
    const missing = await pay(id, { amount: 100, method: 'cash' }, null);
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /idempotency-key/i);
    const key = uuidv7();
    const first = await pay(id, { amount: 100, method: 'cash' }, key);
    const again = await pay(id, { method: 'cash', amount: 100 }, key);
    assert.equal(again.statusCode, 201);
    assert.deepEqual(again.json(), first.json());
    const changed = await pay(id, { amount: 200, method: 'cash' }, key);
    assert.equal(changed.statusCode, 422);
    assert.match(changed.json().detail, /different request/);
    assert.equal(await paymentRows(id), 1);
    // A first request that failed wrote nothing and released its key: a corrected retry runs.
    const failedKey = uuidv7();
    assert.equal((await pay(id, { amount: 5000, method: 'cash' }, failedKey)).statusCode, 422);
    assert.equal((await pay(id, { amount: 5000, method: 'cash' }, failedKey)).statusCode, 422);
    assert.equal((await invoice(id)).amountPaid, 100);
  });

  test('a claim left by a request that died is taken over by the retry', async () => {
    const id = await invoiceOf(1000);
    const key = uuidv7();
    const body = { amount: 1000, method: 'cash' };
    await t.db.kysely.insertInto('idempotency_keys').values({
      facility_id: clinic.facility.id, idem_key: key, request_hash: requestHash(['payment', id, 1000, 'cash', null]),
      status_code: null, response: null, created_at: new Date(Date.now() - ABANDONED_MS - 1000).toISOString(),
    }).execute();
    const retry = await pay(id, body, key);
    assert.equal(retry.statusCode, 201, retry.body);
    assert.equal(await paymentRows(id), 1);
  });

  test('50 identical payments at once make exactly one payment, and all answer it', async () => {
    const id = await invoiceOf(1000);
    const key = uuidv7();
    const results = await Promise.all(Array.from({ length: 50 }, () => pay(id, { amount: 1000, method: 'cash' }, key)));
    assert.deepEqual(new Set(results.map((r) => r.statusCode)), new Set([201]));
    assert.equal(new Set(results.map((r) => r.json().id)).size, 1);
    assert.equal(await paymentRows(id), 1);
    assert.equal((await invoice(id)).status, 'paid');
  });

  test('20 different payments at once never overpay', async () => {
    const id = await invoiceOf(1000);
    const results = await Promise.all(Array.from({ length: 20 }, () => pay(id, { amount: 300, method: 'cash' })));
    assert.equal(results.filter((r) => r.statusCode === 201).length, 3);
    assert.equal(results.filter((r) => r.statusCode === 422).length, 17);
    assert.equal((await invoice(id)).amountPaid, 900);
  });

  test('a transfer needs its reference, stays pending until confirmed, and a reference pays once', async () => {
    const id = await invoiceOf(1000);
    const noRef = await pay(id, { amount: 1000, method: 'bank_transfer' });
    assert.equal(noRef.statusCode, 400);
    assert.match(noRef.body, /reference/);
    const ref = `BNK-${uuidv7().slice(0, 8)}`;
    const pending = await pay(id, { amount: 700, method: 'bank_transfer', reference: ref });
    assert.equal(pending.statusCode, 201, pending.body);
    assert.equal(pending.json().status, 'pending');
    assert.equal((await invoice(id)).status, 'issued');
    // The pending 700 counts against what is due, so confirming it cannot overpay.
    assert.equal((await pay(id, { amount: 400, method: 'cash' })).statusCode, 422);
    const otherInvoice = await invoiceOf(1000);
    assert.equal((await pay(otherInvoice, { amount: 100, method: 'mobile_money', reference: ref })).statusCode, 409);
    assert.equal((await call(t.app, other.billing, 'POST', `/payments/${pending.json().id}/confirm`)).statusCode, 404);
    const confirmed = await call(t.app, clinic.billing, 'POST', `/payments/${pending.json().id}/confirm`);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().confirmedBy, clinic.billing.id);
    assert.deepEqual([(await invoice(id)).status, (await invoice(id)).amountPaid], ['partially_paid', 700]);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/payments/${pending.json().id}/confirm`)).statusCode, 409);
  });

  test('refunds are negative payments linked to the original and never exceed it', async () => {
    const id = await invoiceOf(1000);
    const paid = (await pay(id, { amount: 1000, method: 'cash' })).json();
    const refund = (amount: number, reason = 'Lab test not done') => call(t.app, clinic.billing, 'POST', `/payments/${paid.id}/refunds`, { amount, reason });
    const part = await refund(300);
    assert.equal(part.statusCode, 201, part.body);
    assert.deepEqual([part.json().amount, part.json().refundOf], [-300, paid.id]);
    assert.deepEqual([(await invoice(id)).status, (await invoice(id)).amountDue], ['partially_paid', 300]);
    assert.equal((await refund(701)).statusCode, 422);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/payments/${part.json().id}/refunds`, { amount: 1, reason: 'refund a refund' })).statusCode, 409);
    assert.equal((await refund(700)).statusCode, 201);
    assert.deepEqual([(await invoice(id)).status, (await invoice(id)).amountPaid], ['issued', 0]);
    const listed = (await call(t.app, clinic.billing, 'GET', `/invoices/${id}/payments`)).json().items;
    assert.deepEqual(listed.map((p: { amount: number }) => p.amount), [1000, -300, -700]);
    assert.equal((await call(t.app, other.billing, 'POST', `/payments/${paid.id}/refunds`, { amount: 1, reason: 'other facility' })).statusCode, 404);
  });

  test('another facility cannot pay, and nobody pays a void invoice', async () => {
    const id = await invoiceOf(1000);
    assert.equal((await pay(id, { amount: 100, method: 'cash' }, uuidv7(), other.billing)).statusCode, 404);
    await call(t.app, clinic.billing, 'POST', `/invoices/${id}/void`, { reason: 'Entered twice' });
    assert.equal((await pay(id, { amount: 100, method: 'cash' })).statusCode, 409);
    assert.equal(await paymentRows(id), 0);
  });
});
