// Payers on every database: create/update/deactivate with coverage per category, a patient's
// coverage (one current), invoices split into payer and patient shares, payments against the
// patient's share, claims of a month as JSON and CSV, and another facility's records as 404.
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
    assert.equal((await call(t.app, clinic.admin, 'POST', '/price-list', { kind: 'lab_test', code: '718-7', unitPrice: 3333 })).statusCode, 201);
  });
  after(() => t.close());

  const coverage = { service: 8000, lab_test: 5000, medicine: 10000 };
  const newPayer = async (name = `NHIF ${uuidv7().slice(-6)}`) => {
    const res = await call(t.app, clinic.admin, 'POST', '/payers', { name, kind: 'nhif', coverage });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };
  const cover = async (patientId: string, payerId: string, memberNumber = 'NHIF-0042') => {
    const res = await call(t.app, clinic.receptionist, 'POST', `/patients/${patientId}/coverages`, { payerId, memberNumber });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  };

  test('payers are created, listed, changed and deactivated by facility admins only', async () => {
    const payer = await newPayer('Sudan Petroleum Co');
    assert.deepEqual(payer.coverage, coverage);
    assert.equal(payer.active, true);
    assert.equal((await call(t.app, clinic.billing, 'POST', '/payers', { name: 'X Co', kind: 'company', coverage })).statusCode, 403);
    assert.equal((await call(t.app, clinic.admin, 'POST', '/payers', { name: 'Sudan Petroleum Co', kind: 'company', coverage })).statusCode, 409);
    const bad = await call(t.app, clinic.admin, 'POST', '/payers', { name: 'Y Co', kind: 'company', coverage: { ...coverage, lab_test: 10001 } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /lab_test/);
    const changed = await call(t.app, clinic.admin, 'PATCH', `/payers/${payer.id}`, { coverage: { ...coverage, medicine: 2500 } });
    assert.equal(changed.json().coverage.medicine, 2500);
    const listed = await call(t.app, clinic.receptionist, 'GET', '/payers');
    assert.ok(listed.json().items.some((p: { id: string }) => p.id === payer.id));
    assert.equal((await call(t.app, other.admin, 'PATCH', `/payers/${payer.id}`, { name: 'Mine' })).statusCode, 404);
    const off = await call(t.app, clinic.admin, 'POST', `/payers/${payer.id}/deactivate`);
    assert.equal(off.json().active, false);
    assert.ok(!(await call(t.app, clinic.admin, 'GET', '/payers')).json().items.some((p: { id: string }) => p.id === payer.id));
    assert.ok((await call(t.app, clinic.admin, 'GET', '/payers?includeInactive=true')).json().items.some((p: { id: string }) => p.id === payer.id));
    const p = await createPatient(t.app, clinic);
    assert.equal((await call(t.app, clinic.receptionist, 'POST', `/patients/${p.id}/coverages`, { payerId: payer.id, memberNumber: 'A1' })).statusCode, 422);
  });

  test('a patient has one current coverage; ending it stops the split', async () => {
    const payer = await newPayer();
    const p = await createPatient(t.app, clinic);
    const c = await cover(p.id, payer.id);
    assert.equal(c.current, true);
    assert.equal(c.payerName, payer.name);
    assert.equal((await call(t.app, clinic.receptionist, 'POST', `/patients/${p.id}/coverages`, { payerId: payer.id, memberNumber: 'B2' })).statusCode, 409);
    assert.equal((await call(t.app, other.receptionist, 'GET', `/patients/${p.id}/coverages`)).statusCode, 404);
    assert.equal((await call(t.app, clinic.doctor, 'POST', `/patients/${p.id}/coverages/${c.id}/end`)).statusCode, 200);
    assert.equal((await call(t.app, clinic.receptionist, 'POST', `/patients/${p.id}/coverages/${c.id}/end`)).statusCode, 409);
    const list = (await call(t.app, clinic.receptionist, 'GET', `/patients/${p.id}/coverages`)).json().items;
    assert.equal(list[0].current, false);
    const inv = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: 1000 }] })).json();
    assert.equal(inv.payerShare, 0);
    assert.equal(inv.amountDue, 1000);
    const later = await call(t.app, clinic.receptionist, 'POST', `/patients/${p.id}/coverages`, { payerId: payer.id, memberNumber: 'C3', validFrom: '2099-01-01' });
    assert.equal(later.statusCode, 201);
    const notYet = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: 1000 }] })).json();
    assert.equal(notYet.payerShare, 0, 'a coverage that starts later does not apply today');
  });

  test('a covered invoice splits per line by category; the patient pays only their share', async () => {
    const payer = await newPayer();
    const p = await createPatient(t.app, clinic);
    await cover(p.id, payer.id, 'NHIF-777');
    const res = await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [
      { description: 'Consultation', quantity: 1, unitPrice: 150001 },
      { description: 'Haemoglobin', quantity: 1, unitPrice: 3333, serviceCode: '718-7' },
    ] });
    assert.equal(res.statusCode, 201, res.body);
    const inv = res.json();
    assert.deepEqual(inv.lines.map((l: { kind: string; coverageBp: number; payerShare: number }) => [l.kind, l.coverageBp, l.payerShare]), [['service', 8000, 120001], ['lab_test', 5000, 1667]]);
    assert.equal(inv.payerShare, 121668);
    assert.equal(inv.patientShare, 153334 - 121668);
    assert.equal(inv.payerShare + inv.patientShare, inv.total);
    assert.equal(inv.memberNumber, 'NHIF-777');
    assert.equal(inv.amountDue, 31666);
    const over = await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${inv.id}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': uuidv7() }, payload: { amount: 31667, method: 'cash' } });
    assert.equal(over.statusCode, 422, 'more than the patient share');
    const paid = await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${inv.id}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': uuidv7() }, payload: { amount: 31666, method: 'cash' } });
    assert.equal(paid.statusCode, 201, paid.body);
    const after = (await call(t.app, clinic.billing, 'GET', `/invoices/${inv.id}`)).json();
    assert.equal(after.status, 'paid');
    assert.equal(after.amountDue, 0);
  });

  test('claims of the month list the covered invoices, and the CSV quotes names and carries a BOM', async () => {
    const payer = await newPayer();
    const p = await createPatient(t.app, clinic, { first: 'Mohamed, "Abu"', last: 'Ali' });
    await cover(p.id, payer.id, '=HACK');
    const inv = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Consultation', quantity: 2, unitPrice: 1000 }] })).json();
    const uncovered = await createPatient(t.app, clinic);
    await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: uncovered.id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: 1000 }] });
    const month = inv.issuedAt.slice(0, 7);
    const res = await call(t.app, clinic.billing, 'GET', `/payers/${payer.id}/claims?month=${month}`);
    assert.equal(res.statusCode, 200, res.body);
    const claims = res.json();
    assert.equal(claims.items.length, 1);
    assert.equal(claims.items[0].payerShare, 1600);
    assert.equal(claims.items[0].memberNumber, '=HACK');
    assert.deepEqual(claims.totals, [{ currency: 'SDG', invoices: 1, payerShare: 1600 }]);
    const csv = await call(t.app, clinic.billing, 'GET', `/payers/${payer.id}/claims.csv?month=${month}`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
    assert.match(csv.headers['content-disposition'] as string, /attachment; filename="claims-NHIF-.*\.csv"/);
    assert.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
    const rows = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(rows.length, 2);
    assert.match(rows[1]!, /"Mohamed, ""Abu"" Ali",'=HACK,Consultation,2,10.00,20.00,80.00,16.00,SDG$/);
    assert.equal((await call(t.app, clinic.billing, 'GET', `/payers/${payer.id}/claims?month=2026-13`)).statusCode, 400);
    assert.equal((await call(t.app, other.billing, 'GET', `/payers/${payer.id}/claims.csv?month=${month}`)).statusCode, 404);
    assert.equal((await call(t.app, clinic.receptionist, 'GET', `/payers/${payer.id}/claims?month=${month}`)).statusCode, 403);
  });

  test('a fully covered medicine leaves the patient nothing to pay; an unknown code is a service; a discount comes off the patient share', async () => {
    const payer = await newPayer();
    const p = await createPatient(t.app, clinic);
    await cover(p.id, payer.id);
    const free = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Paracetamol', quantity: 2, unitPrice: 500, serviceCode: 'none' }] })).json();
    assert.deepEqual([free.payerShare, free.patientShare], [800, 200], 'a code not on the price list is a service (80%)');
    assert.equal((await call(t.app, clinic.admin, 'POST', '/price-list', { kind: 'medicine', code: 'amoxicillin-cap-500mg', unitPrice: 250 })).statusCode, 201);
    const medicine = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Amoxicillin', quantity: 21, unitPrice: 250, serviceCode: 'amoxicillin-cap-500mg' }] })).json();
    assert.deepEqual([medicine.lines[0].kind, medicine.payerShare, medicine.amountDue, medicine.status], ['medicine', 5250, 0, 'paid']);
    const inv = (await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: p.id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: 1000 }] })).json();
    const off = await call(t.app, clinic.admin, 'POST', `/invoices/${inv.id}/discount`, { percentBp: 10000, reason: 'Exempt patient' });
    assert.equal(off.statusCode, 200, off.body);
    assert.deepEqual([off.json().discount, off.json().payerShare, off.json().patientShare, off.json().status], [200, 800, 0, 'paid']);
  });

  test('the price list keeps every version of a price, newest first', async () => {
    for (const unitPrice of [1000, 1200, 1500]) assert.equal((await call(t.app, clinic.admin, 'POST', '/price-list', { kind: 'service', code: 'dressing', name: 'Wound dressing', unitPrice })).statusCode, 201);
    const current = (await call(t.app, clinic.billing, 'GET', '/price-list?kind=service&code=dressing')).json().items;
    assert.deepEqual(current.map((x: { unitPrice: number }) => x.unitPrice), [1500]);
    const history = (await call(t.app, clinic.billing, 'GET', '/price-list?kind=service&code=dressing&history=true')).json().items;
    assert.deepEqual(history.map((x: { version: number; unitPrice: number; supersededAt: string | null }) => [x.version, x.unitPrice, x.supersededAt === null]), [[3, 1500, true], [2, 1200, false], [1, 1000, false]]);
    assert.equal((await call(t.app, clinic.billing, 'GET', '/price-list?history=true')).statusCode, 400);
    assert.deepEqual((await call(t.app, other.billing, 'GET', '/price-list?kind=service&code=dressing&history=true')).json().items, []);
  });

  test('a merge moves the duplicate\'s coverage; the survivor keeps its own current one', async () => {
    const payer = await newPayer();
    const survivor = await createPatient(t.app, clinic, { first: 'Ibrahim', last: 'Nur' });
    const duplicate = await createPatient(t.app, clinic, { first: 'Ebrahim', last: 'Noor' });
    const kept = await cover(survivor.id, payer.id, 'KEEP-1');
    await cover(duplicate.id, payer.id, 'DUP-1');
    const merged = await t.app.inject({ method: 'POST', url: `/api/v1/patients/${survivor.id}/merge`, headers: clinic.receptionist.headers, payload: { duplicateId: duplicate.id } });
    assert.equal(merged.statusCode, 200, merged.body);
    const list = (await call(t.app, clinic.receptionist, 'GET', `/patients/${survivor.id}/coverages`)).json().items as { id: string; memberNumber: string; current: boolean }[];
    assert.deepEqual(list.map((c) => [c.memberNumber, c.current]).sort(), [['DUP-1', false], ['KEEP-1', true]]);
    assert.equal(list.find((c) => c.current)!.id, kept.id);
  });
});
