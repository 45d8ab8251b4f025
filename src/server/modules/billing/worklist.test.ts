// The clerk's lists on every database: today's encounters without an invoice (an invoiced one
// leaves, a voided invoice brings it back), pending transfers (a confirmed one leaves), invoice
// search by number, and another facility's records never shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, type Clinic } from '../../../../test/support/scheduling.ts';
import { call } from '../../../../test/support/clinical.ts';

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let other: Clinic;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    other = await createClinic(t.app);
    assert.equal((await call(t.app, clinic.admin, 'POST', '/price-list', { kind: 'service', code: 'consultation-outpatient', name: 'Consultation', unitPrice: 500000 })).statusCode, 201);
  });
  after(() => t.close());

  const uninvoiced = async (c: Clinic) => {
    const res = await call(t.app, c.billing, 'GET', '/billing/uninvoiced-encounters');
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().items as { encounterId: string; patientName: string; mrn: string }[]);
  };

  test("today's encounters without an invoice, with the patient's name; invoicing removes one and voiding brings it back", async () => {
    const p = await createPatient(t.app, clinic);
    const e = (await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId: p.id })).json();
    const listed = (await uninvoiced(clinic)).find((i) => i.encounterId === e.id);
    assert.ok(listed, 'the new encounter is listed');
    assert.ok(listed.patientName && listed.mrn);
    assert.equal((await uninvoiced(other)).some((i) => i.encounterId === e.id), false);
    const inv = (await call(t.app, clinic.billing, 'POST', `/encounters/${e.id}/invoice`, {})).json();
    assert.equal((await uninvoiced(clinic)).some((i) => i.encounterId === e.id), false);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/invoices/${inv.id}/void`, { reason: 'Wrong patient' })).statusCode, 200);
    assert.equal((await uninvoiced(clinic)).some((i) => i.encounterId === e.id), true);
    assert.equal((await call(t.app, clinic.billing, 'GET', '/billing/uninvoiced-encounters?date=2026-02-30')).statusCode, 400);
    assert.equal((await call(t.app, clinic.billing, 'GET', '/billing/uninvoiced-encounters?date=2001-01-01')).json().items.length, 0);
  });

  test('pending transfers are listed with the invoice number until confirmed; search by number finds one invoice', async () => {
    const p = await createPatient(t.app, clinic);
    const inv = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Dressing', quantity: 1, unitPrice: 250000 }] })).json();
    const paid = await t.app.inject({
      method: 'POST', url: `/api/v1/invoices/${inv.id}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': `worklist-${inv.id}` },
      payload: { amount: 100000, method: 'bank_transfer', reference: `BK-${Date.now()}` },
    });
    assert.equal(paid.statusCode, 201, paid.body);
    const pending = async (c: Clinic) => (await call(t.app, c.billing, 'GET', '/payments/pending')).json().items as { id: string; invoiceNumber: string; patientName: string }[];
    const row = (await pending(clinic)).find((x) => x.id === paid.json().id);
    assert.equal(row?.invoiceNumber, inv.number);
    assert.ok(row?.patientName);
    assert.equal((await pending(other)).length, 0);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/payments/${paid.json().id}/confirm`)).statusCode, 200);
    assert.equal((await pending(clinic)).some((x) => x.id === paid.json().id), false);

    const found = (await call(t.app, clinic.billing, 'GET', `/invoices?number=${inv.number}`)).json().items as { id: string }[];
    assert.deepEqual(found.map((i) => i.id), [inv.id]);
    assert.equal((await call(t.app, other.billing, 'GET', `/invoices?number=${inv.number}`)).json().items.length, 0);
  });
});
