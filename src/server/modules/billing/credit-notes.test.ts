// Credit notes and payments in another currency on every database: gapless CN numbers, never more
// than the invoice has left, the overpaid part refundable, shares lowered in proportion; a USD
// payment on an SDG invoice records the original amount, the rate and the converted amount.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, type Clinic } from '../../../../test/support/scheduling.ts';
import { call } from '../../../../test/support/clinical.ts';
import { uuidv7 } from '../../platform/ids.ts';

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

  const invoiceOf = async (unitPrices: number[], patientId?: string) => {
    const pid = patientId ?? (await createPatient(t.app, clinic)).id;
    const res = await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: pid, lines: unitPrices.map((u, i) => ({ description: `Item ${i + 1}`, quantity: 1, unitPrice: u })) });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const pay = (id: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/invoices/${id}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': uuidv7() }, payload });
  const credit = (id: string, payload: object, who = clinic.admin) => call(t.app, who, 'POST', `/invoices/${id}/credit-notes`, payload);
  const read = async (id: string) => (await call(t.app, clinic.billing, 'GET', `/invoices/${id}`)).json();

  test('a credit note lowers the total, is numbered in its own gapless series, and cannot exceed what is left', async () => {
    const inv = await invoiceOf([1000, 500]);
    const first = await credit(inv.id, { reason: 'Wrong item billed', lines: [{ position: 2, amount: 500 }] });
    assert.equal(first.statusCode, 201, first.body);
    const cn = first.json();
    assert.match(cn.number, new RegExp(`^CN-${clinic.facility.code}-\\d{4}-000001$`));
    assert.equal(cn.patientPart, 500);
    assert.equal((await credit(inv.id, { reason: 'Again', lines: [{ position: 2, amount: 1 }] })).statusCode, 422, 'line 2 is fully credited');
    assert.equal((await credit(inv.id, { reason: 'Too much', amount: 1001 })).statusCode, 422);
    assert.equal((await credit(inv.id, { reason: 'Both', amount: 1, lines: [{ position: 1, amount: 1 }] })).statusCode, 400);
    assert.equal((await credit(inv.id, { reason: 'No line', lines: [{ position: 9, amount: 1 }] })).statusCode, 400);
    assert.equal((await credit(inv.id, { reason: 'Clerk', amount: 1 }, clinic.billing)).statusCode, 403);
    assert.equal((await credit(inv.id, { reason: 'Other', amount: 1 }, other.admin)).statusCode, 404);
    const after = await read(inv.id);
    assert.deepEqual([after.subtotal, after.credited, after.total, after.amountDue], [1500, 500, 1000, 1000]);
    assert.equal(after.lines.length, 2, 'the lines are as issued');
    const results = await Promise.all(Array.from({ length: 10 }, () => credit(inv.id, { reason: 'Concurrent', amount: 100 })));
    assert.deepEqual(results.map((r) => r.statusCode), Array(10).fill(201));
    const seqs = results.map((r) => Number(r.json().number.split('-').at(-1))).sort((a, b) => a - b);
    assert.deepEqual(seqs, Array.from({ length: 10 }, (_, i) => 2 + i));
    assert.equal((await read(inv.id)).total, 0);
    assert.equal((await read(inv.id)).status, 'paid');
    assert.equal((await credit(inv.id, { reason: 'Nothing left', amount: 1 })).statusCode, 422);
    assert.equal((await call(t.app, clinic.billing, 'GET', `/invoices/${inv.id}/credit-notes`)).json().items.length, 11);
  });

  test('a credit below what was paid leaves an overpaid amount that is refunded', async () => {
    const inv = await invoiceOf([1000]);
    const p = await pay(inv.id, { amount: 1000, method: 'cash' });
    assert.equal(p.statusCode, 201, p.body);
    assert.equal((await credit(inv.id, { reason: 'Price corrected', amount: 300 })).statusCode, 201);
    const after = await read(inv.id);
    assert.deepEqual([after.total, after.amountPaid, after.amountDue, after.overpaid, after.status], [700, 1000, 0, 300, 'paid']);
    const refund = await call(t.app, clinic.billing, 'POST', `/payments/${p.json().id}/refunds`, { amount: 300, reason: 'Credit note refund' });
    assert.equal(refund.statusCode, 201, refund.body);
    const settled = await read(inv.id);
    assert.deepEqual([settled.amountPaid, settled.overpaid, settled.amountDue, settled.status], [700, 0, 0, 'paid']);
  });

  test('a credit on a covered invoice comes off both shares in proportion', async () => {
    const payer = (await call(t.app, clinic.admin, 'POST', '/payers', { name: `Co ${uuidv7().slice(-6)}`, kind: 'company', coverage: { service: 7500, lab_test: 0, medicine: 0 } })).json();
    const p = await createPatient(t.app, clinic);
    assert.equal((await call(t.app, clinic.receptionist, 'POST', `/patients/${p.id}/coverages`, { payerId: payer.id, memberNumber: 'E-1' })).statusCode, 201);
    const inv = await invoiceOf([1000], p.id);
    assert.deepEqual([inv.payerShare, inv.patientShare], [750, 250]);
    const cn = (await credit(inv.id, { reason: 'Half price', amount: 501 })).json();
    assert.deepEqual([cn.payerPart, cn.patientPart], [376, 125]);
    const after = await read(inv.id);
    assert.deepEqual([after.total, after.payerShare, after.patientShare], [499, 374, 125]);
  });

  test('a USD payment on an SDG invoice records the original amount, the rate and the converted amount', async () => {
    const inv = await invoiceOf([500000]);
    const notAllowed = await pay(inv.id, { amount: 100, method: 'cash', currency: 'USD', exchangeRate: '2450.5' });
    assert.equal(notAllowed.statusCode, 422, 'the facility does not take USD yet');
    assert.equal((await t.app.inject({ method: 'PUT', url: '/api/v1/billing/settings', headers: clinic.admin.headers, payload: { currencies: ['SDG', 'USD'] } })).statusCode, 200);
    assert.equal((await pay(inv.id, { amount: 100, method: 'cash', currency: 'USD' })).statusCode, 400, 'a rate is required');
    assert.equal((await pay(inv.id, { amount: 100, method: 'cash', exchangeRate: '2' })).statusCode, 400, 'a rate needs a currency');
    assert.equal((await pay(inv.id, { amount: 100, method: 'cash', currency: 'USD', exchangeRate: '2,5' })).statusCode, 400);
    const res = await pay(inv.id, { amount: 101, method: 'cash', currency: 'USD', exchangeRate: '2450.5' });
    assert.equal(res.statusCode, 201, res.body);
    const payment = res.json();
    // 1.01 USD × 2450.5 = 2475.005 SDG → 247500.5 piastres, rounded half up.
    assert.deepEqual([payment.amount, payment.currency, payment.originalAmount, payment.originalCurrency, payment.exchangeRate], [247501, 'SDG', 101, 'USD', '2450.5']);
    assert.equal((await read(inv.id)).amountPaid, 247501);
    assert.equal((await pay(inv.id, { amount: 200, method: 'cash', currency: 'USD', exchangeRate: '2450.5' })).statusCode, 422, '490100 is more than the 252499 due');
  });
});
