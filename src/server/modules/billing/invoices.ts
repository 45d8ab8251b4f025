// Issuing invoices: totals computed here from integer lines, the number drawn in the same
// transaction, lines written once (the table is append-only). Voiding needs a reason and no payments.
// A covered patient's invoice is split per line into the payer's and the patient's share (shares.ts).
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { uuidv7, nowIso } from '../../platform/ids.ts';
import type { InvoiceLineRow, InvoiceRow, PriceKind } from './billing.table.ts';
import { requirePatient, type Caller, type Executor } from './caller.ts';
import { DEFAULT_CURRENCY, invoiceTotal, lineTotal, statusFor, type Currency } from './money.ts';
import { linePayerShare, overpaid } from './shares.ts';
import { coverageOn } from './coverage.ts';
import { coverageOf } from './payers.ts';
import { ensureInvoiceCounter, nextInvoiceNumber } from './numbering.ts';
import { requireCurrency } from './settings.ts';
import { addToInvoiceDay, invoiceMoney, openFlag } from './daily-totals.ts';

export interface NewLine { description: string; quantity: number; unitPrice: number; serviceCode?: string | null; priceId?: string | null; kind?: PriceKind }
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
  const cover = await coverageOn(db, caller.facilityId, input.patientId, now.slice(0, 10));
  const kinds = await lineKinds(db, caller.facilityId, input.lines);
  const rows = input.lines.map((l, i) => {
    const total = lineTotal(l);
    const bp = cover ? coverageOf(cover.payer, kinds[i]!) : 0;
    return { line: l, kind: kinds[i]!, total, bp, payerShare: linePayerShare({ lineTotal: total, coverageBp: bp }) };
  });
  const subtotal = invoiceTotal(input.lines);
  const payerShare = rows.reduce((s, r) => s + r.payerShare, 0);
  await ensureInvoiceCounter(db, ctx.db.client, caller.facilityId, year);
  await db.transaction().execute(async (trx) => {
    if (inside) await inside(trx);
    const number = await nextInvoiceNumber(trx, ctx.db.client, caller.facilityId, year);
    await trx.insertInto('invoices').values({
      id, facility_id: caller.facilityId, number, patient_id: input.patientId, encounter_id: input.encounterId ?? null,
      currency: input.currency ?? DEFAULT_CURRENCY, subtotal, discount: 0, discount_reason: null,
      discount_approved_by: null, discounted_at: null, total: subtotal, amount_paid: 0, status: cover ? statusFor(subtotal - payerShare, 0) : 'issued', // a fully covered invoice leaves the patient nothing to pay
      payer_id: cover?.payer.id ?? null, member_number: cover?.coverage.member_number ?? null, payer_share: payerShare, credited: 0,
      void_reason: null, voided_by: null, voided_at: null, issued_by: caller.userId, issued_at: now, updated_at: now,
    }).execute();
    await trx.insertInto('invoice_lines').values(rows.map(({ line: l, kind, total, bp, payerShare: share }, i) => ({
      id: uuidv7(), facility_id: caller.facilityId, invoice_id: id, position: i + 1, description: l.description,
      service_code: l.serviceCode ?? null, price_id: l.priceId ?? null, quantity: l.quantity, unit_price: l.unitPrice, line_total: total,
      kind, coverage_bp: bp, payer_share: share,
    }))).execute();
    await addToInvoiceDay(trx, ctx.db.client, { facility_id: caller.facilityId, issued_at: now, currency: input.currency ?? DEFAULT_CURRENCY },
      { invoice_count: 1, invoiced: subtotal, payer_share: payerShare, open_count: openFlag(subtotal, payerShare, 0) });
    await ctx.audit.record({ ...caller.audit, action: 'invoice.issue', patientId: input.patientId, targetType: 'invoice', targetId: id, details: { number } }, trx);
  });
  return id;
}

/**
 * The price-list category of each line, which decides the payer's coverage: the line's own kind
 * (encounter invoices know it), else the kind of a price with its service code, else a service.
 */
async function lineKinds(db: Executor, facilityId: string, lines: NewLine[]): Promise<PriceKind[]> {
  const codes = [...new Set(lines.filter((l) => !l.kind && l.serviceCode).map((l) => l.serviceCode!))];
  const found = codes.length === 0 ? [] : await db.selectFrom('billing_prices').select(['code', 'kind']).where('facility_id', '=', facilityId)
    .where('code', 'in', codes).where('superseded_at', 'is', null).execute();
  const byCode = new Map(found.map((f) => [f.code, f.kind]));
  return lines.map((l) => l.kind ?? (l.serviceCode ? byCode.get(l.serviceCode) : undefined) ?? 'service');
}

/** What the patient owes on the invoice: its total less the payer's share. */
export const patientShareOf = (inv: Pick<InvoiceRow, 'total' | 'payer_share'>): number => Number(inv.total) - Number(inv.payer_share);

/** The invoice row in the caller's facility (locked when `lock`), or 404. */
export async function findInvoice(db: Executor, client: string, facilityId: string, id: string, lock = false): Promise<InvoiceRow> {
  const q = db.selectFrom('invoices').selectAll().where('facility_id', '=', facilityId).where('id', '=', id);
  const row = await (lock && client !== 'sqlite' ? q.forUpdate() : q).executeTakeFirst();
  if (!row) throw notFound('Invoice');
  return row;
}

export async function voidInvoice(ctx: AppContext, caller: Caller, id: string, reason: string): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const inv = await findInvoice(trx, ctx.db.client, caller.facilityId, id, true);
    if (inv.status === 'void') throw new AppError('invalid_transition', 'The invoice is already void.');
    const anyPayment = await trx.selectFrom('payments').select('id').where('invoice_id', '=', id).where('status', '!=', 'failed').executeTakeFirst();
    if (anyPayment) throw new AppError('invalid_transition', 'The invoice has payments; refund them first, or correct it with a credit note.');
    const now = nowIso();
    await trx.updateTable('invoices').set({ status: 'void', void_reason: reason, voided_by: caller.userId, voided_at: now, updated_at: now }).where('id', '=', id).execute();
    // Without payments nothing was settled; the invoice leaves the day's live totals.
    const { total, payerShare, paid } = invoiceMoney(inv);
    await addToInvoiceDay(trx, ctx.db.client, inv, { invoice_count: -1, invoiced: -total, payer_share: -payerShare, open_count: -openFlag(total, payerShare, paid) });
    await ctx.audit.record({ ...caller.audit, action: 'invoice.void', patientId: inv.patient_id, targetType: 'invoice', targetId: id, details: { reason } }, trx);
  });
}

export function invoiceView(inv: InvoiceRow, lines: InvoiceLineRow[]) {
  const total = Number(inv.total);
  const paid = Number(inv.amount_paid);
  const patientShare = patientShareOf(inv);
  return {
    id: inv.id, number: inv.number, patientId: inv.patient_id, encounterId: inv.encounter_id, currency: inv.currency, status: inv.status,
    subtotal: Number(inv.subtotal), discount: Number(inv.discount), discountReason: inv.discount_reason, discountApprovedBy: inv.discount_approved_by,
    credited: Number(inv.credited), total, payerId: inv.payer_id, memberNumber: inv.member_number, payerShare: Number(inv.payer_share), patientShare,
    amountPaid: paid, amountDue: inv.status === 'void' ? 0 : Math.max(0, patientShare - paid), overpaid: overpaid(patientShare, paid),
    issuedBy: inv.issued_by, issuedAt: inv.issued_at,
    voidReason: inv.void_reason, voidedBy: inv.voided_by, voidedAt: inv.voided_at,
    lines: lines.sort((a, b) => Number(a.position) - Number(b.position)).map((l) => ({
      position: Number(l.position), description: l.description, serviceCode: l.service_code, priceId: l.price_id,
      quantity: Number(l.quantity), unitPrice: Number(l.unit_price), lineTotal: Number(l.line_total),
      kind: l.kind, coverageBp: Number(l.coverage_bp), payerShare: Number(l.payer_share),
    })),
  };
}

export async function invoicesWithLines(db: Executor, rows: InvoiceRow[]) {
  if (rows.length === 0) return [];
  const lines = await db.selectFrom('invoice_lines').selectAll().where('invoice_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => invoiceView(r, lines.filter((l) => l.invoice_id === r.id)));
}
