// The receipt email is queued, not sent: when a payment completes (cash at once, a card when the
// processor's webhook says it succeeded, a transfer when a clerk confirms it) a 'billing.receipt'
// notification to the patient is queued in the payment's own transaction, so it exists exactly
// when the payment was committed. The notifications worker renders the template and attaches the
// PDF (receipt-email.ts); a pending transfer or a failed payment queues nothing, a patient without
// an email address gets no delivery, and one who opted out gets a 'skipped_opt_out' log row.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { queueNotification, type QueuedDelivery } from '../notifications/index.ts';
import { formatAmount } from './amount-words.ts';
import { RECEIPT_ATTACHMENT, RECEIPT_EVENT } from './receipt-email.ts';

/** Queues the receipt email of a completed payment; a retry of the same payment queues nothing more. */
export async function queueReceipt(trx: Transaction<Database>, facilityId: string, paymentId: string, patientId: string): Promise<QueuedDelivery[]> {
  const row = await trx.selectFrom('payments').innerJoin('invoices', 'invoices.id', 'payments.invoice_id').innerJoin('facilities', 'facilities.id', 'payments.facility_id')
    .select(['payments.amount', 'invoices.number', 'invoices.currency', 'facilities.name'])
    .where('payments.facility_id', '=', facilityId).where('payments.id', '=', paymentId).executeTakeFirstOrThrow();
  return queueNotification(trx, {
    facilityId, event: RECEIPT_EVENT, to: { patientId }, channels: ['email'],
    data: { invoiceNumber: row.number, amount: formatAmount(Number(row.amount)), currency: row.currency, facility: row.name },
    attachments: [{ kind: RECEIPT_ATTACHMENT, ref: `${facilityId}:${paymentId}` }],
    dedupeKey: `receipt:${paymentId}`, subjectRef: `payment:${paymentId}`,
  });
}
