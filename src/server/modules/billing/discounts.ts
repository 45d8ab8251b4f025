// Discounts and exemptions: a facility admin approves one per invoice, with a reason, while what it
// leaves is still at least what is paid or pending. The lines stay as issued; the invoice records
// the discount, who approved it and why, and its total becomes subtotal − discount.
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import type { Caller } from './caller.ts';
import { findInvoice, patientShareOf } from './invoices.ts';
import { checkDiscount, percentOf, statusFor } from './money.ts';
import { invoiceMoney, moveInvoiceDay } from './daily-totals.ts';

export interface DiscountInput { amount?: number; percentBp?: number; reason: string }

export async function discountInvoice(ctx: AppContext, caller: Caller, id: string, input: DiscountInput): Promise<void> {
  if ((input.amount === undefined) === (input.percentBp === undefined)) {
    throw invalid([{ field: 'body', message: 'give either amount (minor units) or percentBp (basis points), not both' }]);
  }
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const inv = await findInvoice(trx, ctx.db.client, caller.facilityId, id, true);
    if (inv.status === 'void' || inv.status === 'paid') throw new AppError('invalid_transition', `A ${inv.status} invoice takes no discount; refund instead.`);
    if (Number(inv.discount) > 0) throw new AppError('conflict', 'The invoice already has a discount; one approval per invoice.');
    // A discount exempts the patient: it comes off the patient's share (what is left of the subtotal
    // after the payer and credit notes); the payer's contracted share is unchanged.
    const subtotal = Number(inv.subtotal);
    const credited = Number(inv.credited);
    const owed = patientShareOf(inv);
    const discount = input.amount ?? percentOf(owed, input.percentBp!);
    const pending = await trx.selectFrom('payments').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
      .where('invoice_id', '=', id).where('status', '=', 'pending').executeTakeFirstOrThrow();
    const paid = Number(inv.amount_paid);
    checkDiscount(owed, paid + Number(pending.sum), discount);
    const now = nowIso();
    await trx.updateTable('invoices').set({
      discount, discount_reason: input.reason, discount_approved_by: caller.userId, discounted_at: now,
      total: subtotal - discount - credited, status: statusFor(owed - discount, paid), updated_at: now,
    }).where('id', '=', id).execute();
    // Off the patient's share only: the payer's share stays, the total (after credit notes) drops.
    await moveInvoiceDay(trx, ctx.db.client, inv, invoiceMoney(inv), { ...invoiceMoney(inv), total: subtotal - discount - credited });
    await ctx.audit.record({ ...caller.audit, action: 'invoice.discount', patientId: inv.patient_id, targetType: 'invoice', targetId: id, details: { discount, reason: input.reason } }, trx);
  });
}
