// The exact daily totals the summary report reads instead of scanning invoices (decision 0030).
// Every change of billed or collected money adds its difference here, inside the same transaction,
// with one atomic upsert-increment (ON CONFLICT / ON DUPLICATE KEY ... col = col + new): no read,
// so concurrent payments on different invoices never lose each other's increments.
import { sql } from 'kysely';
import type { DbClient } from '../../config.ts';
import { localDateOf, DEFAULT_TIME_ZONE } from '../../platform/time.ts';
import type { BillingDailyTotalTable, PaymentMethod } from './billing.table.ts';
import type { Executor } from './caller.ts';

export const COUNTERS = ['invoice_count', 'invoiced', 'payer_share', 'settled', 'open_count', 'payment_count', 'collected', 'refunded'] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Partial<Record<Counter, number>>;
/** The method of the invoice-side rows. */
export const INVOICE_SIDE = '';

export async function facilityZone(db: Executor, facilityId: string): Promise<string> {
  const row = await db.selectFrom('facilities').select('time_zone').where('id', '=', facilityId).executeTakeFirst();
  return row?.time_zone ?? DEFAULT_TIME_ZONE;
}

export interface DayKey { facilityId: string; day: string; currency: string; method: string }

export async function addToDay(db: Executor, client: DbClient, key: DayKey, delta: Counters): Promise<void> {
  const used = COUNTERS.filter((c) => delta[c]);
  if (used.length === 0) return;
  const values: BillingDailyTotalTable = {
    facility_id: key.facilityId, day: key.day, currency: key.currency, method: key.method,
    ...(Object.fromEntries(COUNTERS.map((c) => [c, delta[c] ?? 0])) as Record<Counter, number>),
  };
  const insert = db.insertInto('billing_daily_totals').values(values);
  await (client === 'mysql'
    ? insert.onDuplicateKeyUpdate(Object.fromEntries(used.map((c) => [c, sql`${sql.ref(c)} + values(${sql.ref(c)})`])))
    : insert.onConflict((oc) => oc.columns(['facility_id', 'day', 'currency', 'method'])
      .doUpdateSet(Object.fromEntries(used.map((c) => [c, sql`${sql.ref(`billing_daily_totals.${c}`)} + ${sql.ref(`excluded.${c}`)}`]))))
  ).execute();
}

/** 1 when the patient still has something to pay (payments count against the patient's share, decision 0029). */
export const openFlag = (total: number, payerShare: number, paid: number): number => (total - payerShare - paid > 0 ? 1 : 0);

/** The money figures of an invoice the daily totals follow. */
export interface InvoiceMoney { total: number; payerShare: number; paid: number }

interface InvoiceKey { facility_id: string; issued_at: string; currency: string }

/** Adds to the invoice side of the invoice's issue day (facility's local day). */
export async function addToInvoiceDay(db: Executor, client: DbClient, inv: InvoiceKey, delta: Counters): Promise<void> {
  const day = localDateOf(await facilityZone(db, inv.facility_id), Date.parse(inv.issued_at));
  await addToDay(db, client, { facilityId: inv.facility_id, day, currency: inv.currency, method: INVOICE_SIDE }, delta);
}

/** Counts completed money (a refund is negative) on the facility's local day of `at`. */
export async function addCollected(db: Executor, client: DbClient, facilityId: string, currency: string, method: PaymentMethod, at: string, amount: number): Promise<void> {
  const day = localDateOf(await facilityZone(db, facilityId), Date.parse(at));
  await addToDay(db, client, { facilityId, day, currency, method }, amount >= 0 ? { payment_count: 1, collected: amount } : { refunded: -amount });
}

/** The invoice side of a change of an invoice's total, payer's share or paid amount. */
export async function moveInvoiceDay(db: Executor, client: DbClient, inv: InvoiceKey, before: InvoiceMoney, after: InvoiceMoney): Promise<void> {
  await addToInvoiceDay(db, client, inv, {
    invoiced: after.total - before.total, payer_share: after.payerShare - before.payerShare, settled: after.paid - before.paid,
    open_count: openFlag(after.total, after.payerShare, after.paid) - openFlag(before.total, before.payerShare, before.paid),
  });
}

/** The figures of a stored invoice row. */
export const invoiceMoney = (inv: { total: number; payer_share: number; amount_paid: number }): InvoiceMoney =>
  ({ total: Number(inv.total), payerShare: Number(inv.payer_share), paid: Number(inv.amount_paid) });
