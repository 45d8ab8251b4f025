// Taking payments, confirming transfers, refunding. Every change of an invoice's money happens with
// its row locked, so concurrent payments on one invoice are checked one after another against
// what is due. Cash completes at once; bank-app and mobile-money transfers carry their reference
// (unique per facility) and stay pending until a billing clerk confirms them; card payments carry
// the processor's PaymentIntent id and stay pending until its webhook says (card-webhook.ts).
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { InvoiceRow, PaymentMethod, PaymentRow } from './billing.table.ts';
import type { Caller, Executor } from './caller.ts';
import { findInvoice, patientShareOf } from './invoices.ts';
import { checkPayment, checkRefund, statusFor, type Currency } from './money.ts';
import { convert, parseRate } from './shares.ts';
import { requireCurrency } from './settings.ts';
import { shiftForPayment } from './shifts.ts';
import { queueReceipt } from './receipt-outbox.ts';
import { addCollected, invoiceMoney, moveInvoiceDay } from './daily-totals.ts';
import type { DbClient } from '../../config.ts';

export interface PaymentInput { amount: number; method: PaymentMethod; reference?: string; currency?: Currency; exchangeRate?: string }
type Trx = Transaction<Database>;

/** Pending payments count against what is due, so confirming them later can never overpay. */
async function pendingSum(db: Executor, invoiceId: string): Promise<number> {
  const row = await db.selectFrom('payments').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
    .where('invoice_id', '=', invoiceId).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(row.sum);
}

/**
 * Refuses a payment the invoice cannot take: void, or more than the patient's share leaves due
 * (pending payments count; the payer's share is claimed, not paid here).
 */
export async function checkPayable(db: Executor, inv: InvoiceRow, amount: number): Promise<void> {
  if (inv.status === 'void') throw new AppError('invalid_transition', 'The invoice is void; it takes no payments.');
  checkPayment(patientShareOf(inv), Number(inv.amount_paid) + await pendingSum(db, inv.id), amount);
}

export const paymentView = (p: PaymentRow) => ({
  id: p.id, invoiceId: p.invoice_id, amount: Number(p.amount), currency: p.currency, method: p.method, reference: p.reference,
  status: p.status, refundOf: p.refund_of, reason: p.reason, receivedBy: p.received_by, receivedAt: p.received_at,
  confirmedBy: p.confirmed_by, confirmedAt: p.confirmed_at,
  originalAmount: p.original_amount === null ? null : Number(p.original_amount), originalCurrency: p.original_currency, exchangeRate: p.exchange_rate,
});

/**
 * A payment handed over in another currency than the invoice's (a facility that takes USD on an
 * SDG invoice): the body names the currency and the rate used, and the payment is recorded in the
 * invoice currency, converted and rounded half up to a whole minor unit (decision 0029).
 */
async function converted(trx: Trx, caller: Caller, invoiceCurrency: string, input: PaymentInput) {
  const foreign = input.currency !== undefined && input.currency !== invoiceCurrency;
  if (!foreign) {
    if (input.exchangeRate !== undefined) throw invalid([{ field: 'body.exchangeRate', message: `is only for a payment in another currency than the invoice's (${invoiceCurrency}); give currency too` }]);
    return { amount: input.amount, original_amount: null, original_currency: null, exchange_rate: null };
  }
  if (input.exchangeRate === undefined) throw invalid([{ field: 'body.exchangeRate', message: `is required for a payment in ${input.currency} on a ${invoiceCurrency} invoice: ${invoiceCurrency} per one ${input.currency}` }]);
  const rate = parseRate(input.exchangeRate);
  if (rate === 0n) throw invalid([{ field: 'body.exchangeRate', message: 'must be more than 0' }]);
  await requireCurrency(trx, caller.facilityId, input.currency!);
  const amount = convert(input.amount, rate);
  if (amount < 1 || !Number.isSafeInteger(amount)) throw new AppError('unprocessable', `${input.amount} ${input.currency} at ${input.exchangeRate} is ${amount} ${invoiceCurrency}: not a payable amount.`, { errors: [{ field: 'body.amount', message: 'converts to no payable amount' }] });
  return { amount, original_amount: input.amount, original_currency: input.currency!, exchange_rate: input.exchangeRate };
}

export async function findPayment(db: Executor, facilityId: string, id: string): Promise<PaymentRow> {
  const row = await db.selectFrom('payments').selectAll().where('facility_id', '=', facilityId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Payment');
  return row;
}

/**
 * Moves the locked invoice's paid amount by `amount` (a completed payment, or a negative refund),
 * with the daily totals; the status is measured against the patient's share.
 */
export async function moveInvoiceMoney(trx: Trx, client: DbClient, inv: InvoiceRow, amount: number, method: PaymentMethod, at: string): Promise<void> {
  const before = invoiceMoney(inv);
  const paid = before.paid + amount;
  await trx.updateTable('invoices').set({ amount_paid: paid, status: statusFor(patientShareOf(inv), paid), updated_at: nowIso() }).where('id', '=', inv.id).execute();
  await moveInvoiceDay(trx, client, inv, before, { ...before, paid });
  await addCollected(trx, client, inv.facility_id, inv.currency, method, at, amount);
}

/**
 * Takes a payment inside `trx` (the caller's, which also stores the idempotent response); answers
 * the payment row. A card payment comes with the processor's reference, made just before.
 */
export async function takePayment(ctx: AppContext, trx: Trx, caller: Caller, invoiceId: string, input: PaymentInput, cardRef?: string): Promise<PaymentRow> {
  const transfer = input.method === 'bank_transfer' || input.method === 'mobile_money';
  if (transfer && !input.reference) throw invalid([{ field: 'body.reference', message: 'is required for bank and mobile-money transfers: the reference the patient\'s app shows' }]);
  const pendingUntilConfirmed = transfer || input.method === 'card';
  const inv = await findInvoice(trx, ctx.db.client, caller.facilityId, invoiceId, true);
  const money = await converted(trx, caller, inv.currency, input);
  await checkPayable(trx, inv, money.amount);
  const shiftId = await shiftForPayment(trx, ctx.db.client, caller, input.method);
  const now = nowIso();
  const row: PaymentRow = {
    id: uuidv7(), facility_id: caller.facilityId, invoice_id: invoiceId, patient_id: inv.patient_id, ...money, currency: inv.currency,
    method: input.method, reference: cardRef ?? input.reference ?? null, status: pendingUntilConfirmed ? 'pending' : 'completed', refund_of: null, reason: null, shift_id: shiftId,
    received_by: caller.userId, received_at: now, confirmed_by: null, confirmed_at: null,
  };
  try {
    // A savepoint would be needed to survive a failed insert on PostgreSQL; the conflict ends the request anyway.
    await trx.insertInto('payments').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `The reference ${input.reference} was already used for a payment in this facility; check the transfer.`);
    throw err;
  }
  if (!pendingUntilConfirmed) {
    await moveInvoiceMoney(trx, ctx.db.client, inv, money.amount, input.method, now);
    await queueReceipt(trx, caller.facilityId, row.id, inv.patient_id);
  }
  await ctx.audit.record({ ...caller.audit, action: 'payment.take', patientId: inv.patient_id, targetType: 'payment', targetId: row.id, details: { invoiceId, amount: money.amount, method: input.method, ...(money.exchange_rate && { originalAmount: input.amount, originalCurrency: input.currency, exchangeRate: money.exchange_rate }) } }, trx);
  return row;
}

export async function confirmPayment(ctx: AppContext, caller: Caller, paymentId: string): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await findPayment(trx, caller.facilityId, paymentId);
    const inv = await findInvoice(trx, ctx.db.client, caller.facilityId, before.invoice_id, true);
    const p = await findPayment(trx, caller.facilityId, paymentId); // read again under the invoice lock
    if (p.method === 'card') throw new AppError('invalid_transition', 'Card payments are confirmed by the card processor, not by hand.');
    if (p.status !== 'pending') throw new AppError('invalid_transition', 'The payment is already confirmed.');
    const now = nowIso();
    await trx.updateTable('payments').set({ status: 'completed', confirmed_by: caller.userId, confirmed_at: now }).where('id', '=', paymentId).execute();
    await moveInvoiceMoney(trx, ctx.db.client, inv, Number(p.amount), p.method, now);
    await queueReceipt(trx, caller.facilityId, paymentId, inv.patient_id);
    await ctx.audit.record({ ...caller.audit, action: 'payment.confirm', patientId: inv.patient_id, targetType: 'payment', targetId: paymentId }, trx);
  });
}

/** A refund: a negative completed payment naming the original; answers its id. */
export async function refundPayment(ctx: AppContext, caller: Caller, paymentId: string, amount: number, reason: string): Promise<string> {
  const id = uuidv7();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await findPayment(trx, caller.facilityId, paymentId);
    const inv = await findInvoice(trx, ctx.db.client, caller.facilityId, before.invoice_id, true);
    const p = await findPayment(trx, caller.facilityId, paymentId);
    if (p.refund_of !== null || p.status !== 'completed') throw new AppError('invalid_transition', 'Only a completed payment can be refunded (not a pending transfer, nor a refund).');
    const refunded = await trx.selectFrom('payments').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
      .where('refund_of', '=', paymentId).executeTakeFirstOrThrow();
    checkRefund(Number(p.amount), -Number(refunded.sum), amount);
    const shiftId = await shiftForPayment(trx, ctx.db.client, caller, p.method);
    const now = nowIso();
    await trx.insertInto('payments').values({
      id, facility_id: caller.facilityId, invoice_id: inv.id, patient_id: inv.patient_id, amount: -amount, currency: p.currency, method: p.method,
      reference: null, status: 'completed', refund_of: paymentId, reason, shift_id: shiftId, received_by: caller.userId, received_at: now, confirmed_by: null, confirmed_at: null,
    }).execute();
    await moveInvoiceMoney(trx, ctx.db.client, inv, -amount, p.method, now);
    await ctx.audit.record({ ...caller.audit, action: 'payment.refund', patientId: inv.patient_id, targetType: 'payment', targetId: id, details: { refundOf: paymentId, amount, reason } }, trx);
  });
  return id;
}
