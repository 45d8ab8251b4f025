// "Done when", on every database: a cash payment taken through the API for a patient with an email
// address yields, once the workers drain the queue, exactly one email at a real SMTP server, in the
// patient's language, carrying the receipt PDF (its bytes a PDF whose text has the invoice number).
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { eachDialect } from '../../../../test/support/app.ts';
import { startNotifyEnv, drain, type NotifyEnv } from '../../../../test/support/notifications.ts';
import { createClinic, type Clinic } from '../../../../test/support/scheduling.ts';
import { call } from '../../../../test/support/clinical.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { uuidv7 } from '../../platform/ids.ts';

eachDialect((dialect) => {
  let n: NotifyEnv;
  let clinic: Clinic;
  before(async () => {
    n = await startNotifyEnv(dialect);
    clinic = await createClinic(n.t.app);
    assert.equal((await call(n.t.app, clinic.billing, 'POST', '/cash-shifts', { openingFloat: 0 })).statusCode, 201);
  });
  after(() => n.close());
  beforeEach(() => { n.smtp.received.length = 0; });

  /** A patient with an email on the record, an invoice of 1,250.50, paid in full in cash. */
  async function paidInCash(email: string, preferredLanguage: 'en' | 'ar') {
    const patient = await call(n.t.app, clinic.receptionist, 'POST', '/patients', { firstName: 'Amna', lastName: `Osman ${uuidv7().slice(-6)}`, firstNameAr: 'آمنة', lastNameAr: 'عثمان', dateOfBirth: '1990-01-01', email, preferredLanguage, confirmNew: true });
    assert.equal(patient.statusCode, 201, patient.body);
    const inv = await call(n.t.app, clinic.billing, 'POST', '/invoices', { patientId: patient.json().id, lines: [{ description: 'Consultation', quantity: 1, unitPrice: 125050 }] });
    assert.equal(inv.statusCode, 201, inv.body);
    const paid = await n.t.app.inject({ method: 'POST', url: `/api/v1/invoices/${inv.json().id}/payments`, headers: { ...clinic.billing.headers, 'idempotency-key': uuidv7() }, payload: { amount: 125050, method: 'cash' } });
    assert.equal(paid.statusCode, 201, paid.body);
    return { invoiceNumber: inv.json().number as string, paymentId: paid.json().id as string };
  }

  async function theOneEmail(paymentId: string) {
    await drain([n.worker({ batchSize: 1 }), n.worker({ batchSize: 1 })]);
    await drain([n.worker()]);
    assert.equal(n.smtp.received.length, 1, 'exactly one email');
    const row = await n.t.db.kysely.selectFrom('notification_deliveries').select(['status', 'attempts']).where('subject_ref', '=', `payment:${paymentId}`).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, Number(row.attempts)], ['sent', 1]);
    const mail = n.smtp.received[0]!;
    assert.equal(mail.parsed.attachments.length, 1);
    const pdf = mail.parsed.attachments[0]!;
    assert.equal(pdf.contentType, 'application/pdf');
    assert.equal(pdf.content.subarray(0, 4).toString('latin1'), '%PDF');
    return { mail, pdf };
  }

  test('an English-speaking patient gets one English email with the receipt PDF attached', async () => {
    const { invoiceNumber, paymentId } = await paidInCash('amna.en@example.org', 'en');
    const { mail, pdf } = await theOneEmail(paymentId);
    assert.deepEqual(mail.envelopeTo, ['amna.en@example.org']);
    assert.equal(mail.parsed.subject, `Your payment receipt for invoice ${invoiceNumber}`);
    assert.match(mail.parsed.text ?? '', new RegExp(`payment of 1,250\\.50 SDG to .+ for invoice ${invoiceNumber}`));
    assert.equal(pdf.filename, `receipt-${invoiceNumber}.pdf`);
    const text = pdfText(pdf.content);
    for (const expected of [invoiceNumber, 'Payment receipt', '1,250.50 SDG']) assert.ok(text.some((s) => s.includes(expected)), `the PDF says "${expected}"`);
  });

  test('an Arabic-speaking patient gets one Arabic email with the Arabic receipt attached', async () => {
    const { invoiceNumber, paymentId } = await paidInCash('amna.ar@example.org', 'ar');
    const { mail, pdf } = await theOneEmail(paymentId);
    assert.deepEqual(mail.envelopeTo, ['amna.ar@example.org']);
    assert.equal(mail.parsed.subject, `إيصال الدفع للفاتورة رقم ${invoiceNumber}`);
    assert.match(mail.parsed.text ?? '', /^عزيزي\/عزيزتي آمنة،/);
    assert.match(mail.parsed.text ?? '', new RegExp(`سداد مبلغ 1,250\\.50 جنيه سوداني .+ عن الفاتورة رقم ${invoiceNumber}`));
    const text = pdfText(pdf.content);
    for (const expected of [invoiceNumber, 'إيصال دفع', 'فقط ألف ومائتان وخمسون جنيهًا وخمسون قرشًا لا غير']) assert.ok(text.some((s) => s.includes(expected)), `the PDF says "${expected}"`);
  });
});
