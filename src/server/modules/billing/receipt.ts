// A payment's receipt as PDF bytes, for the route and for the notifications worker that emails it
// (exported from index.ts). Another facility's payment is a 404 (AppError), as everywhere.
import type { Language } from '../../platform/http/i18n/language.ts';
import type { Executor } from './caller.ts';
import { receiptData } from './receipt-data.ts';
import { renderReceipt } from './receipt-pdf.ts';

export interface ReceiptRequest { facilityId: string; paymentId: string; language: Language }

export async function renderReceiptPdf(db: Executor, { facilityId, paymentId, language }: ReceiptRequest): Promise<Buffer> {
  return renderReceipt(await receiptData(db, facilityId, paymentId), language);
}

/** The receipt and who it is about, for the route's audit event and file name. */
export async function receiptFor(db: Executor, req: ReceiptRequest): Promise<{ pdf: Buffer; patientId: string; invoiceNumber: string }> {
  const data = await receiptData(db, req.facilityId, req.paymentId);
  return { pdf: await renderReceipt(data, req.language), patientId: data.patient.id, invoiceNumber: data.invoice.number };
}
