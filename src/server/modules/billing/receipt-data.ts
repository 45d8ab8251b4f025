// Everything a receipt shows, read in the payment's facility (another facility's payment is a 404).
// The balance is the one right after this payment: the patient's share less the completed payments
// and refunds taken up to and including it (ids are time-ordered UUIDv7), so a receipt printed
// again next week still says what it said at the counter.
import type { Executor } from './caller.ts';
import { notFound } from '../../platform/errors.ts';
import { patientNames } from '../patients/index.ts';
import type { PaymentMethod, PaymentStatus } from './billing.table.ts';
import { findPayment } from './payments.ts';
import { patientShareOf } from './invoices.ts';
import type { Currency } from './money.ts';

export interface ReceiptData {
  facility: { name: string; timeZone: string };
  invoice: { number: string; currency: Currency; total: number; discount: number; subtotal: number; credited: number; payerShare: number };
  lines: { description: string; quantity: number; unitPrice: number; lineTotal: number }[];
  patient: { id: string; mrn: string; nameLatin: string | null; nameArabic: string | null };
  payment: { id: string; amount: number; method: PaymentMethod; reference: string | null; status: PaymentStatus; refund: boolean; reason: string | null; receivedAt: string };
  clerk: string;
  balance: number;
}

export async function receiptData(db: Executor, facilityId: string, paymentId: string): Promise<ReceiptData> {
  const p = await findPayment(db, facilityId, paymentId);
  const [inv, lines, facility, patient, clerk, paid] = await Promise.all([
    db.selectFrom('invoices').selectAll().where('facility_id', '=', facilityId).where('id', '=', p.invoice_id).executeTakeFirst(),
    db.selectFrom('invoice_lines').select(['position', 'description', 'quantity', 'unit_price', 'line_total']).where('invoice_id', '=', p.invoice_id).orderBy('position').execute(),
    db.selectFrom('facilities').select(['name', 'time_zone']).where('id', '=', facilityId).executeTakeFirstOrThrow(),
    db.selectFrom('patients').select(['mrn', 'first_name', 'father_name', 'grandfather_name', 'last_name', 'first_name_ar', 'father_name_ar', 'grandfather_name_ar', 'last_name_ar'])
      .where('facility_id', '=', facilityId).where('id', '=', p.patient_id).executeTakeFirst(),
    db.selectFrom('users').select('name').where('id', '=', p.received_by).executeTakeFirst(),
    db.selectFrom('payments').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
      .where('invoice_id', '=', p.invoice_id).where('status', '=', 'completed').where('id', '<=', p.id).executeTakeFirstOrThrow(),
  ]);
  if (!inv || !patient) throw notFound('Payment');
  const names = patientNames(patient);
  return {
    facility: { name: facility.name, timeZone: facility.time_zone },
    invoice: {
      number: inv.number, currency: inv.currency as Currency, total: Number(inv.total), discount: Number(inv.discount), subtotal: Number(inv.subtotal),
      credited: Number(inv.credited), payerShare: Number(inv.payer_share),
    },
    lines: lines.map((l) => ({ description: l.description, quantity: Number(l.quantity), unitPrice: Number(l.unit_price), lineTotal: Number(l.line_total) })),
    patient: { id: p.patient_id, mrn: patient.mrn, nameLatin: names.patientNameLatin, nameArabic: names.patientNameArabic },
    payment: {
      id: p.id, amount: Number(p.amount), method: p.method, reference: p.reference, status: p.status, refund: p.refund_of !== null, reason: p.reason,
      receivedAt: p.received_at,
    },
    clerk: clerk?.name ?? '',
    balance: patientShareOf(inv) - Number(paid.sum), // the payer's share is claimed, not owed by the patient
  };
}
