// The receipt email is queued, not sent: when a payment completes (cash at once, a card when the
// processor's webhook says it succeeded, a transfer when a clerk confirms it) and the patient has
// an email address, an outbox job `billing.receipt` {facilityId, paymentId} is written in the
// payment's own transaction, so it exists exactly when the payment was committed. The notifications worker renders the PDF with
// renderReceiptPdf and delivers it; a pending transfer, a failed payment or a patient without an
// address queues nothing.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { enqueue } from '../../platform/outbox/enqueue.ts';

export const RECEIPT_TOPIC = 'billing.receipt';
export interface ReceiptJob { facilityId: string; paymentId: string }

/** Queues the receipt email of a completed payment when its patient has an address; answers whether it did. */
export async function queueReceipt(trx: Transaction<Database>, facilityId: string, paymentId: string, patientId: string): Promise<boolean> {
  const patient = await trx.selectFrom('patients').select('email').where('facility_id', '=', facilityId).where('id', '=', patientId).executeTakeFirst();
  if (!patient?.email) return false;
  const job: ReceiptJob = { facilityId, paymentId };
  await enqueue(trx, RECEIPT_TOPIC, job);
  return true;
}
