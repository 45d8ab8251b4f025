// Invoices on every database: server totals, gapless numbers under 30 concurrent creations, bad
// input with nothing written, another facility's records as 404, the encounter invoice at
// price-list prices (versions kept), void rules and cursor paging.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, createPatient, type Clinic, type Staff } from '../../../../test/support/scheduling.ts';
import { call, insertEncounter } from '../../../../test/support/clinical.ts';

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

  const put = (who: Staff, payload: object) => t.app.inject({ method: 'PUT', url: '/api/v1/billing/settings', headers: who.headers, payload });
  const invoiceCount = async () => (await t.db.kysely.selectFrom('invoices').select('id').where('facility_id', '=', clinic.facility.id).execute()).length;
  const lines = [{ description: 'Consultation', quantity: 1, unitPrice: 150000, serviceCode: 'consultation-outpatient' }, { description: 'Paracetamol', quantity: 3, unitPrice: 2550 }];

  test('an invoice is issued with server totals and a facility-year number', async () => {
    const p = await createPatient(t.app, clinic);
    const res = await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines });
    assert.equal(res.statusCode, 201, res.body);
    const inv = res.json();
    assert.equal(inv.status, 'issued');
    assert.equal(inv.total, 157650);
    assert.equal(inv.amountDue, 157650);
    assert.equal(inv.amountPaid, 0);
    assert.equal(inv.currency, 'SDG');
    assert.deepEqual(inv.lines.map((l: { lineTotal: number }) => l.lineTotal), [150000, 7650]);
    assert.match(inv.number, new RegExp(`^${clinic.facility.code}-${new Date().getUTCFullYear()}-\\d{6}$`));
    const read = await call(t.app, clinic.billing, 'GET', `/invoices/${inv.id}`);
    assert.deepEqual(read.json(), inv);
    assert.equal((await call(t.app, other.billing, 'GET', `/invoices/${inv.id}`)).statusCode, 404);
  });

  test('30 invoices created at once get 30 consecutive numbers with no gap', async () => {
    const p = await createPatient(t.app, clinic);
    const before = (await t.db.kysely.selectFrom('invoice_counters').select('last_value').where('facility_id', '=', clinic.facility.id).executeTakeFirst())?.last_value ?? 0;
    const results = await Promise.all(Array.from({ length: 30 }, () => call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines })));
    assert.deepEqual(results.map((r) => r.statusCode), Array(30).fill(201));
    const seqs = results.map((r) => Number(r.json().number.split('-').at(-1))).sort((a, b) => a - b);
    assert.deepEqual(seqs, Array.from({ length: 30 }, (_, i) => Number(before) + 1 + i));
  });

  test('bad invoices are refused naming the problem, with nothing written', async () => {
    const p = await createPatient(t.app, clinic);
    const start = await invoiceCount();
    const cases: [object, number, RegExp][] = [
      [{ patientId: p.id, lines: [] }, 400, /lines/],
      [{ patientId: p.id, lines: [{ description: 'x', quantity: 0, unitPrice: 1 }] }, 400, /quantity/],
      [{ patientId: p.id, lines: [{ description: 'x', quantity: 1, unitPrice: 1.5 }] }, 400, /unitPrice/],
      [{ patientId: p.id, lines: [{ description: 'x', quantity: 1, unitPrice: -1 }] }, 400, /unitPrice/],
      [{ patientId: p.id, lines, currency: 'EUR' }, 400, /currency/],
      [{ patientId: p.id, lines, total: 5 }, 400, /total/],
    ];
    for (const [body, status, detail] of cases) {
      const res = await call(t.app, clinic.billing, 'POST', '/invoices', body);
      assert.equal(res.statusCode, status, res.body);
      assert.match(res.body, detail);
    }
    const foreign = await createPatient(t.app, other);
    assert.equal((await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: foreign.id, lines })).statusCode, 404);
    const otherEncounter = await insertEncounter(t.db, clinic.facility.id);
    assert.equal((await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, encounterId: otherEncounter, lines })).statusCode, 422);
    assert.equal(await invoiceCount(), start);
  });

  test('the encounter invoice uses the price list, and keeps its price when the price changes', async () => {
    const p = await createPatient(t.app, clinic);
    const e = (await call(t.app, clinic.doctor, 'POST', '/encounters', { patientId: p.id })).json();
    assert.equal((await call(t.app, clinic.doctor, 'POST', `/encounters/${e.id}/lab-orders`, { tests: ['718-7'] })).statusCode, 201);
    const missing = await call(t.app, clinic.billing, 'POST', `/encounters/${e.id}/invoice`, {});
    assert.equal(missing.statusCode, 422);
    assert.match(missing.json().detail, /consultation-outpatient.*718-7/);
    assert.equal((await call(t.app, clinic.billing, 'POST', '/price-list', { kind: 'service', code: 'consultation-outpatient', name: 'Consultation', unitPrice: 1 })).statusCode, 403);
    const consult = await call(t.app, clinic.admin, 'POST', '/price-list', { kind: 'service', code: 'consultation-outpatient', name: 'Consultation', unitPrice: 200000 });
    assert.equal(consult.statusCode, 201, consult.body);
    assert.equal((await call(t.app, clinic.admin, 'POST', '/price-list', { kind: 'lab_test', code: '718-7', unitPrice: 80000 })).statusCode, 201);
    assert.equal((await call(t.app, clinic.admin, 'POST', '/price-list', { kind: 'lab_test', code: 'NOPE-1', unitPrice: 1 })).statusCode, 422);
    const res = await call(t.app, clinic.billing, 'POST', `/encounters/${e.id}/invoice`, {});
    assert.equal(res.statusCode, 201, res.body);
    const inv = res.json();
    assert.equal(inv.total, 280000);
    assert.equal(inv.encounterId, e.id);
    assert.equal(inv.lines[1].serviceCode, '718-7');
    assert.equal((await call(t.app, clinic.billing, 'POST', `/encounters/${e.id}/invoice`, {})).statusCode, 409);
    const raised = await call(t.app, clinic.admin, 'POST', '/price-list', { kind: 'service', code: 'consultation-outpatient', name: 'Consultation', unitPrice: 250000 });
    assert.equal(raised.json().version, 2);
    assert.equal((await call(t.app, clinic.billing, 'GET', `/invoices/${inv.id}`)).json().total, 280000);
    const list = (await call(t.app, clinic.billing, 'GET', '/price-list?kind=service')).json().items;
    assert.deepEqual(list.map((i: { unitPrice: number }) => i.unitPrice), [250000]);
    assert.equal((await call(t.app, other.billing, 'POST', `/encounters/${e.id}/invoice`, {})).statusCode, 404);
  });

  test('void needs a reason and no payments; a void invoice has nothing due', async () => {
    const p = await createPatient(t.app, clinic);
    const inv = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines })).json();
    assert.equal((await call(t.app, clinic.billing, 'POST', `/invoices/${inv.id}/void`, {})).statusCode, 400);
    const voided = await call(t.app, clinic.billing, 'POST', `/invoices/${inv.id}/void`, { reason: 'Entered twice' });
    assert.equal(voided.statusCode, 200, voided.body);
    assert.equal(voided.json().status, 'void');
    assert.equal(voided.json().amountDue, 0);
    assert.equal((await call(t.app, clinic.billing, 'POST', `/invoices/${inv.id}/void`, { reason: 'again' })).statusCode, 409);
    const paid = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines })).json();
    await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${paid.id}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': `void-${paid.id}` }, payload: { amount: 100, method: 'cash' } });
    assert.equal((await call(t.app, clinic.billing, 'POST', `/invoices/${paid.id}/void`, { reason: 'Wrong patient' })).statusCode, 409);
  });

  test('the list filters by patient and status and pages with a cursor', async () => {
    const p = await createPatient(t.app, clinic);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines })).json().id);
    await call(t.app, clinic.billing, 'POST', `/invoices/${ids[0]}/void`, { reason: 'Entered twice' });
    const seen: string[] = [];
    let url = `/invoices?patientId=${p.id}&status=issued&limit=2`;
    for (;;) {
      const page = (await call(t.app, clinic.billing, 'GET', url)).json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      if (!page.nextCursor) break;
      url = `/invoices?patientId=${p.id}&status=issued&limit=2&cursor=${page.nextCursor}`;
    }
    assert.deepEqual(seen, ids.slice(1).reverse());
    const today = new Date().toISOString().slice(0, 10);
    assert.equal((await call(t.app, clinic.billing, 'GET', `/invoices?patientId=${p.id}&from=${today}&to=${today}`)).json().items.length, 5);
    assert.equal((await call(t.app, clinic.billing, 'GET', `/invoices?patientId=${p.id}&to=2020-01-01`)).json().items.length, 0);
    assert.equal((await call(t.app, other.billing, 'GET', `/invoices?patientId=${p.id}`)).json().items.length, 0);
  });

  test('a patient merge moves the duplicate\'s invoices and payments to the survivor', async () => {
    const keep = await createPatient(t.app, clinic, { first: 'Merge', last: 'Keeper' });
    const dup = await createPatient(t.app, clinic, { first: 'Merge', last: 'Keeper' });
    const inv = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: dup.id, lines })).json();
    await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${inv.id}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': `merge-${inv.id}` }, payload: { amount: 100, method: 'cash' } });
    const merged = await call(t.app, clinic.receptionist, 'POST', `/patients/${keep.id}/merge`, { duplicateId: dup.id });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal((await call(t.app, clinic.billing, 'GET', `/invoices/${inv.id}`)).json().patientId, keep.id);
    const payment = await t.db.kysely.selectFrom('payments').select('patient_id').where('invoice_id', '=', inv.id).executeTakeFirstOrThrow();
    assert.equal(payment.patient_id, keep.id);
  });

  test('a discount or exemption needs an admin and a reason, and never goes below what is paid', async () => {
    const p = await createPatient(t.app, clinic);
    const inv = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: 10001 }] })).json();
    assert.equal((await call(t.app, clinic.billing, 'POST', `/invoices/${inv.id}/discount`, { amount: 100, reason: 'Staff family' })).statusCode, 403);
    assert.equal((await call(t.app, clinic.admin, 'POST', `/invoices/${inv.id}/discount`, { amount: 100, percentBp: 100, reason: 'Staff family' })).statusCode, 400);
    assert.equal((await call(t.app, clinic.admin, 'POST', `/invoices/${inv.id}/discount`, { amount: 100 })).statusCode, 400);
    await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${inv.id}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': `disc-${inv.id}` }, payload: { amount: 6000, method: 'cash' } });
    assert.equal((await call(t.app, clinic.admin, 'POST', `/invoices/${inv.id}/discount`, { percentBp: 5000, reason: 'Hardship' })).statusCode, 422);
    // 40.00% of 10001 is 4000.4, rounded half up to 4000: the rest, 6001, stays due.
    const res = await call(t.app, clinic.admin, 'POST', `/invoices/${inv.id}/discount`, { percentBp: 4000, reason: 'Hardship' });
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json();
    assert.deepEqual([d.subtotal, d.discount, d.total, d.amountDue, d.discountApprovedBy, d.discountReason], [10001, 4000, 6001, 1, clinic.admin.id, 'Hardship']);
    assert.deepEqual(d.lines.map((l: { lineTotal: number }) => l.lineTotal), [10001]);
    assert.equal((await call(t.app, clinic.admin, 'POST', `/invoices/${inv.id}/discount`, { amount: 1, reason: 'again' })).statusCode, 409);
    const exempt = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines })).json();
    const whole = (await call(t.app, clinic.admin, 'POST', `/invoices/${exempt.id}/discount`, { percentBp: 10000, reason: 'NHIF exemption: under five' })).json();
    assert.deepEqual([whole.total, whole.status], [0, 'paid']);
    assert.equal((await call(t.app, other.admin, 'POST', `/invoices/${inv.id}/discount`, { amount: 1, reason: 'Other facility' })).statusCode, 404);
  });

  test('a facility bills in SDG until an admin also allows USD', async () => {
    const p = await createPatient(t.app, clinic);
    const usd = { patientId: p.id, lines, currency: 'USD' };
    const refused = await call(t.app, clinic.billing, 'POST', '/invoices', usd);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.json().detail, /does not bill in USD/);
    assert.equal((await call(t.app, clinic.admin, 'POST', '/price-list', { kind: 'service', code: 'dressing', name: 'Dressing', unitPrice: 500, currency: 'USD' })).statusCode, 422);
    assert.deepEqual((await call(t.app, clinic.billing, 'GET', '/billing/settings')).json(), { currencies: ['SDG'] });
    assert.equal((await put(clinic.billing, { currencies: ['SDG', 'USD'] })).statusCode, 403);
    assert.equal((await put(clinic.admin, { currencies: ['SDG', 'EUR'] })).statusCode, 400);
    assert.deepEqual((await put(clinic.admin, { currencies: ['SDG', 'USD'] })).json(), { currencies: ['SDG', 'USD'] });
    const issued = await call(t.app, clinic.billing, 'POST', '/invoices', usd);
    assert.equal(issued.statusCode, 201, issued.body);
    assert.equal(issued.json().currency, 'USD');
    assert.equal((await call(t.app, other.billing, 'POST', '/invoices', { ...usd, patientId: (await createPatient(t.app, other)).id })).statusCode, 422);
  });
});
