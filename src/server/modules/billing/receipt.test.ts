// The receipt PDF on every database: its text in English and Arabic (the Arabic amount in words in
// logical order, read back from the PDF), the language choice, the refund wording, the audit event,
// another facility's payment as a 404. poppler's pdftotext, when installed, checks the Latin text
// independently of our own reader.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eachDialect, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { createClinic, type Clinic } from '../../../../test/support/scheduling.ts';
import { call } from '../../../../test/support/clinical.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { renderReceiptPdf } from './index.ts';

function popplerText(pdf: Buffer): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'receipt-'));
  try {
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8', timeout: 10_000 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

eachDialect((dialect) => {
  let t: TestApp;
  let clinic: Clinic;
  let other: Clinic;
  let invoice: { id: string; number: string };
  let paymentId: string;
  before(async () => {
    t = await startTestApp(dialect);
    clinic = await createClinic(t.app);
    other = await createClinic(t.app);
    assert.equal((await call(t.app, clinic.billing, 'POST', '/cash-shifts', { openingFloat: 0 })).statusCode, 201);
    const patient = await call(t.app, clinic.receptionist, 'POST', '/patients', {
      firstName: 'Mohamed', lastName: 'Osman', firstNameAr: 'محمد', lastNameAr: 'عثمان', dateOfBirth: '1980-03-01', confirmNew: true,
    });
    assert.equal(patient.statusCode, 201, patient.body);
    const inv = await call(t.app, clinic.billing, 'POST', '/invoices', { patientId: patient.json().id, lines: [
      { description: 'General consultation', quantity: 1, unitPrice: 150000 }, { description: 'Malaria RDT', quantity: 2, unitPrice: 50025 },
    ] });
    assert.equal(inv.statusCode, 201, inv.body);
    invoice = inv.json();
    const pay = await t.app.inject({ method: 'POST', url: `/api/v1/invoices/${invoice.id}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': uuidv7() }, payload: { amount: 125050, method: 'cash' } });
    assert.equal(pay.statusCode, 201, pay.body);
    paymentId = pay.json().id;
  });
  after(() => t.close());

  const receipt = (query = '', headers: Record<string, string> = {}, who = clinic.billing) =>
    t.app.inject({ method: 'GET', url: `/api/v1/payments/${paymentId}/receipt${query}`, headers: { ...who.headers, ...headers } });

  test('the English receipt: invoice, patient in both scripts, amount in figures and words, balance', async () => {
    const res = await receipt('?lang=en');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['content-language'], 'en');
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(res.rawPayload);
    for (const expected of [invoice.number, 'Payment receipt', 'Mohamed Osman (', 'محمد عثمان', '1,250.50 SDG', '2,500.50 SDG', 'Cash', 'Billing Omer', 'Malaria RDT', '500.25']) {
      assert.ok(text.includes(expected), `"${expected}" in ${JSON.stringify(text)}`);
    }
    assert.match(text.join(' '), /One thousand two hundred fifty Sudanese pounds and fifty piastres only/);
    assert.ok(text.includes('1,250.00 SDG'), 'the balance after this payment');
    const poppler = popplerText(res.rawPayload);
    if (poppler === null) t.app.log.warn('pdftotext is not installed: the receipt was read with the Node reader only');
    else for (const expected of [invoice.number, '1,250.50 SDG', 'Mohamed Osman']) assert.ok(poppler.includes(expected), `pdftotext finds "${expected}"`);
  });

  test('the Arabic receipt carries the amount in words in logical order and the Arabic name first', async () => {
    const res = await receipt('?lang=ar');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-language'], 'ar');
    const text = pdfText(res.rawPayload);
    for (const expected of ['إيصال دفع', invoice.number, 'فقط ألف ومائتان وخمسون جنيهًا وخمسون قرشًا لا غير', 'محمد عثمان (', 'Mohamed Osman', '1,250.50', 'نقدًا', 'الرصيد المتبقي']) {
      assert.ok(text.includes(expected), `"${expected}" in ${JSON.stringify(text)}`);
    }
    const poppler = popplerText(res.rawPayload);
    if (poppler !== null) for (const expected of [invoice.number, '1,250.50']) assert.ok(poppler.includes(expected), `pdftotext finds "${expected}"`);
  });

  test('the language: ?lang, else the caller\'s chosen language, else Accept-Language', async () => {
    assert.equal((await receipt('', { 'accept-language': 'ar-SD,ar;q=0.9' })).headers['content-language'], 'ar');
    assert.equal((await receipt('', { 'accept-language': 'fr' })).headers['content-language'], 'en');
    await t.db.kysely.updateTable('users').set({ preferred_language: 'ar' }).where('id', '=', clinic.billing.id).execute();
    assert.equal((await receipt('', { 'accept-language': 'en' })).headers['content-language'], 'ar');
    assert.equal((await receipt('?lang=en')).headers['content-language'], 'en');
    await t.db.kysely.updateTable('users').set({ preferred_language: null }).where('id', '=', clinic.billing.id).execute();
    assert.equal((await receipt('?lang=fr')).statusCode, 400);
  });

  test('a refund\'s receipt says refund; reading a receipt is audited; another facility gets a 404', async () => {
    const refund = await call(t.app, clinic.billing, 'POST', `/payments/${paymentId}/refunds`, { amount: 5000, reason: 'Test not done' });
    assert.equal(refund.statusCode, 201, refund.body);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/payments/${refund.json().id}/receipt?lang=en`, headers: clinic.billing.headers });
    const text = pdfText(res.rawPayload);
    for (const expected of ['Refund receipt', 'Amount refunded', '50.00 SDG', 'Test not done', '1,300.00 SDG']) assert.ok(text.includes(expected), `"${expected}" in ${JSON.stringify(text)}`);
    const audited = await t.db.kysely.selectFrom('audit_events').select(['patient_id', 'actor_id']).where('action', '=', 'payment.receipt').where('target_id', '=', refund.json().id).execute();
    assert.equal(audited.length, 1);
    assert.equal(audited[0]!.actor_id, clinic.billing.id);
    assert.ok(audited[0]!.patient_id);
    assert.equal((await receipt('?lang=en', {}, other.billing)).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/payments/${uuidv7()}/receipt`, headers: clinic.billing.headers })).statusCode, 404);
    assert.equal((await receipt('', {}, clinic.nurse)).statusCode, 403);
  });

  test('renderReceiptPdf, for the email, renders the same receipt and refuses another facility\'s payment', async () => {
    const pdf = await renderReceiptPdf(t.db.kysely, { facilityId: clinic.facility.id, paymentId, language: 'ar' });
    assert.ok(pdfText(pdf).includes('فقط ألف ومائتان وخمسون جنيهًا وخمسون قرشًا لا غير'));
    await assert.rejects(renderReceiptPdf(t.db.kysely, { facilityId: other.facility.id, paymentId, language: 'en' }), /not found/i);
  });
});
