// Issuing invoices: totals computed here from integer lines, the number drawn in the same
// transaction, lines written once (the table is append-only). Voiding needs a reason and no payments.
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import type { InvoiceLineTable, InvoiceTable } from './billing.table.ts';
import { requirePatient, type Caller, type Executor } from './caller.ts';
import { DEFAULT_CURRENCY, invoiceTotal, lineTotal, type Currency } from './money.ts';
import { ensureInvoiceCounter, nextInvoiceNumber } from './numbering.ts';
import { requireCurrency } from './settings.ts';
import { addToInvoiceDay, openFlag } from './daily-totals.ts';

export interface NewLine { description: string; quantity: number; unitPrice: number; serviceCode?: string | null; priceId?: string | null }
export interface NewInvoice { patientId: string; encounterId?: string | null; lines: NewLine[]; currency?: Currency }

/**
 * Issues an invoice; answers its id. `inside` runs first in the same transaction (the encounter
 * invoice locks its encounter there and refuses a second invoice).
 */
export async function issueInvoice(ctx: AppContext, caller: Caller, input: NewInvoice, inside?: (trx: Executor) => Promise<void>): Promise<string> {
  const db = ctx.db.kysely;
  await requirePatient(db, caller.facilityId, input.patientId);
  await requireCurrency(db, caller.facilityId, input.currency ?? DEFAULT_CURRENCY);
  if (input.encounterId) {
    const enc = await db.selectFrom('encounters').select('patient_id').where('facility_id', '=', caller.facilityId).where('id', '=', input.encounterId).executeTakeFirst();
    if (!enc) throw notFound('Encounter');
    if (enc.patient_id !== input.patientId) throw new AppError('unprocessable', 'The encounter belongs to another patient; bill the encounter\'s patient or leave encounterId out.');
  }
  const id = uuidv7();
  const now = nowIso();
  const year = new Date(now).getUTCFullYear();
  await ensureInvoiceCounter(db, ctx.db.client, caller.facilityId, year);
  await db.transaction().execute(async (trx) => {
    if (inside) await inside(trx);
    const number = await nextInvoiceNumber(trx, ctx.db.client, caller.facilityId, year);
    await trx.insertInto('invoices').values({
      id, facility_id: caller.facilityId, number, patient_id: input.patientId, encounter_id: input.encounterId ?? null,
      currency: input.currency ?? DEFAULT_CURRENCY, subtotal: invoiceTotal(input.lines), discount: 0, discount_reason: null,
      discount_approved_by: null, discounted_at: null, total: invoiceTotal(input.lines), amount_paid: 0, status: 'issued',
      void_reason: null, voided_by: null, voided_at: null, issued_by: caller.userId, issued_at: now, updated_at: now,
    }).execute();
    await trx.insertInto('invoice_lines').values(input.lines.map((l, i) => ({
      id: uuidv7(), facility_id: caller.facilityId, invoice_id: id, position: i + 1, description: l.description,
      service_code: l.serviceCode ?? null, price_id: l.priceId ?? null, quantity: l.quantity, unit_price: l.unitPrice, line_total: lineTotal(l),
    }))).execute();
    const total = invoiceTotal(input.lines);
    await addToInvoiceDay(trx, ctx.db.client, { facility_id: caller.facilityId, issued_at: now, currency: input.currency ?? DEFAULT_CURRENCY },
      { invoice_count: 1, invoiced: total, open_count: openFlag(total, 0) });
    await ctx.audit.record({ ...caller.audit, action: 'invoice.issue', patientId: input.patientId, targetType: 'invoice', targetId: id, details: { number } }, trx);
  });
  return id;
}

/** The invoice row in the caller's facility (locked when `lock`), or 404. */
export async function findInvoice(db: Executor, client: string, facilityId: string, id: string, lock = false): Promise<InvoiceTable> {
  const q = db.selectFrom('invoices').selectAll().where('facility_id', '=', facilityId).where('id', '=', id);
  const row = await (lock && client !== 'sqlite' ? q.forUpdate() : q).executeTakeFirst();
  if (!row) throw notFound('Invoice');
  return row;
}

export async function voidInvoice(ctx: AppContext, caller: Caller, id: string, reason: string): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const inv = await findInvoice(trx, ctx.db.client, caller.facilityId, id, true);
    if (inv.status === 'void') throw new AppError('invalid_transition', 'The invoice is already void.');
    const anyPayment = await trx.selectFrom('payments').select('id').where('invoice_id', '=', id).executeTakeFirst();
    if (anyPayment) throw new AppError('invalid_transition', 'The invoice has payments; refund them first, or correct it with a credit note.');
    const now = nowIso();
    await trx.updateTable('invoices').set({ status: 'void', void_reason: reason, voided_by: caller.userId, voided_at: now, updated_at: now }).where('id', '=', id).execute();
    // Without payments nothing was settled; the invoice leaves the day's live totals.
    await addToInvoiceDay(trx, ctx.db.client, inv, { invoice_count: -1, invoiced: -Number(inv.total), open_count: -openFlag(Number(inv.total), Number(inv.amount_paid)) });
    await ctx.audit.record({ ...caller.audit, action: 'invoice.void', patientId: inv.patient_id, targetType: 'invoice', targetId: id, details: { reason } }, trx);
  });
}

export function invoiceView(inv: InvoiceTable, lines: InvoiceLineTable[]) {
  const total = Number(inv.total);
  const paid = Number(inv.amount_paid);
  return {
    id: inv.id, number: inv.number, patientId: inv.patient_id, encounterId: inv.encounter_id, currency: inv.currency, status: inv.status,
    subtotal: Number(inv.subtotal), discount: Number(inv.discount), discountReason: inv.discount_reason, discountApprovedBy: inv.discount_approved_by,
    total, amountPaid: paid, amountDue: inv.status === 'void' ? 0 : total - paid, issuedBy: inv.issued_by, issuedAt: inv.issued_at,
    voidReason: inv.void_reason, voidedBy: inv.voided_by, voidedAt: inv.voided_at,
    lines: lines.sort((a, b) => Number(a.position) - Number(b.position)).map((l) => ({
      position: Number(l.position), description: l.description, serviceCode: l.service_code, priceId: l.price_id,
      quantity: Number(l.quantity), unitPrice: Number(l.unit_price), lineTotal: Number(l.line_total),
    })),
  };
}

export async function invoicesWithLines(db: Executor, rows: InvoiceTable[]) {
  if (rows.length === 0) return [];
  const lines = await db.selectFrom('invoice_lines').selectAll().where('invoice_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => invoiceView(r, lines.filter((l) => l.invoice_id === r.id)));
}
