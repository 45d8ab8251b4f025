// Credit notes: an issued invoice's lines never change; a facility admin corrects it with a credit
// note (a reason, an amount off the whole or off given lines) that lowers its total. Credit notes
// are numbered gaplessly in their own series (CN-FAC-2026-000001). A credit comes off the payer's
// and the patient's share in proportion (by the line's coverage when lines are named), and never
// takes the invoice below zero. What the patient already paid beyond their new share shows as
// `overpaid` on the invoice and is refunded with POST /payments/:id/refunds (decision 0029).
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import type { CreditNoteTable } from './billing.table.ts';
import type { Caller } from './caller.ts';
import { findInvoice, patientShareOf } from './invoices.ts';
import { percentOf, statusFor } from './money.ts';
import { moveInvoiceDay } from './daily-totals.ts';
import { ensureInvoiceCounter, nextInvoiceNumber } from './numbering.ts';
import { checkCredit, creditPayerPart } from './shares.ts';

export interface CreditLine { position: number; amount: number }
export interface CreditInput { reason: string; amount?: number; lines?: CreditLine[] }

export const creditNoteView = (c: CreditNoteTable) => ({
  id: c.id, number: c.number, invoiceId: c.invoice_id, amount: Number(c.amount), payerPart: Number(c.payer_part), patientPart: Number(c.amount) - Number(c.payer_part),
  reason: c.reason, lines: c.lines ? (JSON.parse(c.lines) as CreditLine[]) : null, approvedBy: c.approved_by, createdAt: c.created_at,
});

export async function issueCreditNote(ctx: AppContext, caller: Caller, invoiceId: string, input: CreditInput): Promise<string> {
  if ((input.amount === undefined) === (input.lines === undefined)) throw invalid([{ field: 'body', message: 'give either amount (minor units) or lines ([{position, amount}]), not both' }]);
  const positions = input.lines?.map((l) => l.position) ?? [];
  if (new Set(positions).size !== positions.length) throw invalid([{ field: 'body.lines', message: 'names a line twice' }]);
  const db = ctx.db.kysely;
  await findInvoice(db, ctx.db.client, caller.facilityId, invoiceId); // 404 before the counter is touched
  const id = uuidv7();
  const now = nowIso();
  const year = new Date(now).getUTCFullYear();
  await ensureInvoiceCounter(db, ctx.db.client, caller.facilityId, year, 'credit_note_counters');
  await db.transaction().execute(async (trx) => {
    const inv = await findInvoice(trx, ctx.db.client, caller.facilityId, invoiceId, true);
    if (inv.status === 'void') throw new AppError('invalid_transition', 'The invoice is void; there is nothing to credit.');
    const total = Number(inv.total);
    const payerShare = Number(inv.payer_share);
    let amount = input.amount ?? 0;
    let payerPart: number;
    if (input.lines) {
      const lines = await trx.selectFrom('invoice_lines').select(['position', 'line_total', 'coverage_bp']).where('invoice_id', '=', invoiceId).execute();
      const prior = await trx.selectFrom('credit_notes').select('lines').where('invoice_id', '=', invoiceId).where('lines', 'is not', null).execute();
      const creditedByLine = new Map<number, number>();
      for (const p of prior) for (const l of JSON.parse(p.lines!) as CreditLine[]) creditedByLine.set(l.position, (creditedByLine.get(l.position) ?? 0) + l.amount);
      payerPart = 0;
      for (const [i, l] of input.lines.entries()) {
        const line = lines.find((x) => Number(x.position) === l.position);
        if (!line) throw invalid([{ field: `body.lines.${i}.position`, message: 'is not a line of the invoice' }]);
        const left = Number(line.line_total) - (creditedByLine.get(l.position) ?? 0);
        if (l.amount > left) throw new AppError('unprocessable', `Line ${l.position} has ${left} left to credit.`, { errors: [{ field: `body.lines.${i}.amount`, message: `is more than the ${left} left on the line` }] });
        amount += l.amount;
        payerPart += percentOf(l.amount, Number(line.coverage_bp));
      }
      checkCredit(total, amount);
      // Rounding per line may drift by a unit from either side's remainder; keep both parts within their sides.
      payerPart = Math.min(payerShare, Math.max(amount - (total - payerShare), payerPart), amount);
    } else {
      checkCredit(total, amount);
      payerPart = creditPayerPart(amount, total, payerShare);
    }
    const newTotal = total - amount;
    const newPayerShare = payerShare - payerPart;
    const paid = Number(inv.amount_paid);
    const pending = await trx.selectFrom('payments').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
      .where('invoice_id', '=', invoiceId).where('status', '=', 'pending').executeTakeFirstOrThrow();
    if (Number(pending.sum) > 0 && paid + Number(pending.sum) > newTotal - newPayerShare) {
      throw new AppError('invalid_transition', 'A pending transfer would pay more than the patient owes after this credit; confirm the transfer first.');
    }
    const number = await nextInvoiceNumber(trx, ctx.db.client, caller.facilityId, year, 'credit_note_counters');
    await trx.insertInto('credit_notes').values({
      id, facility_id: caller.facilityId, invoice_id: invoiceId, number, amount, payer_part: payerPart, reason: input.reason,
      lines: input.lines ? JSON.stringify(input.lines) : null, approved_by: caller.userId, created_at: now,
    }).execute();
    await trx.updateTable('invoices').set({
      credited: Number(inv.credited) + amount, total: newTotal, payer_share: newPayerShare,
      status: statusFor(patientShareOf({ total: newTotal, payer_share: newPayerShare }), paid), updated_at: now,
    }).where('id', '=', invoiceId).execute();
    await moveInvoiceDay(trx, ctx.db.client, inv, { total, payerShare, paid }, { total: newTotal, payerShare: newPayerShare, paid });
    await ctx.audit.record({ ...caller.audit, action: 'invoice.credit', patientId: inv.patient_id, targetType: 'invoice', targetId: invoiceId, details: { creditNote: number, amount, payerPart, reason: input.reason } }, trx);
  });
  return id;
}
