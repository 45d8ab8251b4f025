// Cash shifts on every database: cash needs an open shift, one open shift per clerk, and the close
// report of expected against counted per method; another facility's shift is a 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, type Clinic } from '../../../../test/support/scheduling.ts';
import { call } from '../../../../test/support/clinical.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { authHeaders, createUser, tokenFor } from '../../../../test/support/fixtures.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let other: Clinic;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    other = await createClinic(t.app);
  });
  after(() => t.close());

  const pay = (invoiceId: string, payload: object) => t.app.inject({
    method: 'POST', url: `/api/v1/invoices/${invoiceId}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': uuidv7() }, payload,
  });

  test('cash needs an open shift; closing reports expected against counted per method', async () => {
    const p = await createPatient(t.app, clinic);
    const inv = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: 10000 }] })).json();
    const noShift = await pay(inv.id, { amount: 1000, method: 'cash' });
    assert.equal(noShift.statusCode, 409);
    assert.match(noShift.json().detail, /cash shift/);
    assert.equal((await call(t.app, clinic.billing, 'GET', '/cash-shifts/current')).statusCode, 404);

    const opened = await call(t.app, clinic.billing, 'POST', '/cash-shifts', { openingFloat: 5000 });
    assert.equal(opened.statusCode, 201, opened.body);
    const shiftId = opened.json().id;
    assert.equal((await call(t.app, clinic.billing, 'POST', '/cash-shifts', { openingFloat: 0 })).statusCode, 409);

    assert.equal((await pay(inv.id, { amount: 3000, method: 'cash' })).statusCode, 201);
    const cashPayment = (await pay(inv.id, { amount: 2000, method: 'cash' })).json();
    assert.equal((await pay(inv.id, { amount: 1500, method: 'mobile_money', reference: `MM-${uuidv7().slice(0, 8)}` })).statusCode, 201);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/payments/${cashPayment.id}/refunds`, { amount: 500, reason: 'Overcharged' })).statusCode, 201);

    const current = (await call(t.app, clinic.billing, 'GET', '/cash-shifts/current')).json();
    assert.deepEqual(current.byMethod, { cash: 4500, mobile_money: 1500, bank_transfer: 0, card: 0 });
    assert.equal(current.expectedCash, 9500);

    assert.equal((await call(t.app, clinic.admin, 'POST', `/cash-shifts/${shiftId}/close`, { countedCash: 9000 })).statusCode, 403);
    assert.equal((await call(t.app, other.billing, 'POST', `/cash-shifts/${shiftId}/close`, { countedCash: 9000 })).statusCode, 404);
    const closed = await call(t.app, clinic.billing, 'POST', `/cash-shifts/${shiftId}/close`, { countedCash: 9400, note: 'One note torn' });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.deepEqual([closed.json().status, closed.json().expectedCash, closed.json().countedCash, closed.json().difference], ['closed', 9500, 9400, -100]);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/cash-shifts/${shiftId}/close`, { countedCash: 9400 })).statusCode, 409);
    assert.equal((await pay(inv.id, { amount: 100, method: 'cash' })).statusCode, 409);
    assert.equal((await call(t.app, clinic.admin, 'GET', `/cash-shifts/${shiftId}`)).json().difference, -100);
    // A new shift starts from nothing.
    const next = (await call(t.app, clinic.billing, 'POST', '/cash-shifts', { openingFloat: 0 })).json();
    assert.deepEqual(next.byMethod, { cash: 0, mobile_money: 0, bank_transfer: 0, card: 0 });
  });

  test('only the clerk who opened a shift closes it', async () => {
    const user = await createUser(t.db, [{ facilityId: clinic.facility.id, role: 'billing_clerk' }], { name: 'Billing Nour' });
    const colleague = { id: user.id, headers: authHeaders(await tokenFor(t.app, user.id), clinic.facility.id) };
    const shift = (await call(t.app, colleague, 'POST', '/cash-shifts', { openingFloat: 1000 })).json();
    const refused = await call(t.app, clinic.billing, 'POST', `/cash-shifts/${shift.id}/close`, { countedCash: 1000 });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.json().detail, /Only the clerk who opened/);
    assert.equal((await call(t.app, colleague, 'POST', `/cash-shifts/${shift.id}/close`, { countedCash: 1000 })).json().difference, 0);
  });
});
