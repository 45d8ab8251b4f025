// The billing module's part of the summary report, read from the exact daily totals (a year is at
// most 366 days × currencies × 5 rows per facility, whatever the number of invoices): revenue by
// method and currency, revenue by day and method, outstanding balances of the period's invoices
// (the patients' share: total − payer share − paid), and the payers' and patients' shares.
import type { AppContext } from '../../platform/context.ts';
import type { ReportPeriod, ReportSection } from '../../platform/modules.ts';
import { COUNTERS, INVOICE_SIDE } from './daily-totals.ts';

const METHODS = ['cash', 'mobile_money', 'bank_transfer', 'card'];

type Grouping = 'day' | 'currency' | 'method';

/** The period's daily totals of one side, summed in the database by the given columns. */
async function totals(ctx: AppContext, p: ReportPeriod, side: 'invoice' | 'payment', by: Grouping[]) {
  const rows = await ctx.db.kysely.selectFrom('billing_daily_totals')
    .select(by)
    .select((eb) => COUNTERS.map((c) => eb.fn.sum<number>(c).as(c)))
    .where('facility_id', '=', p.facilityId).where('day', '>=', p.from).where('day', '<=', p.to)
    .where('method', side === 'invoice' ? '=' : '!=', INVOICE_SIDE)
    .groupBy(by).execute();
  return rows.map((r) => ({
    day: (r as { day?: string }).day ?? '', currency: (r as { currency?: string }).currency ?? '', method: (r as { method?: string }).method ?? '',
    invoiceCount: Number(r.invoice_count), invoiced: Number(r.invoiced), payerShare: Number(r.payer_share), settled: Number(r.settled),
    openCount: Number(r.open_count), paymentCount: Number(r.payment_count), collected: Number(r.collected), refunded: Number(r.refunded),
  }));
}

/** Rows whose increments cancelled out (an invoice issued and voided) are not shown. */
function live<T extends Record<string, string | number>>(rows: T[]): T[] {
  return rows.filter((r) => Object.values(r).some((v) => typeof v === 'number' && v !== 0));
}

const byCurrencyThenMethod = (a: { currency: string; method: string }, b: { currency: string; method: string }) =>
  a.currency.localeCompare(b.currency) || METHODS.indexOf(a.method) - METHODS.indexOf(b.method);

export const billingReportSections: ReportSection[] = [
  {
    id: 'billing.revenueByMethod',
    build: async (ctx, p) => {
      const rows = live(await totals(ctx, p, 'payment', ['currency', 'method'])).sort(byCurrencyThenMethod);
      return {
        columns: ['currency', 'method', 'payments', 'collected', 'refunded', 'net'],
        rows: rows.map((r) => [r.currency, r.method, r.paymentCount, r.collected, r.refunded, r.collected - r.refunded]),
      };
    },
  },
  {
    id: 'billing.revenueByDay',
    build: async (ctx, p) => {
      const rows = live(await totals(ctx, p, 'payment', ['day', 'currency', 'method'])).sort((a, b) => a.day.localeCompare(b.day) || byCurrencyThenMethod(a, b));
      return { columns: ['day', 'currency', 'method', 'net'], rows: rows.map((r) => [r.day, r.currency, r.method, r.collected - r.refunded]) };
    },
  },
  {
    id: 'billing.outstanding',
    build: async (ctx, p) => {
      const rows = live(await totals(ctx, p, 'invoice', ['currency'])).sort((a, b) => a.currency.localeCompare(b.currency));
      return {
        columns: ['currency', 'invoices', 'invoiced', 'payerShare', 'paid', 'outstanding', 'openInvoices'],
        // Patients pay total − payer share (decision 0029); the payers' share is claimed, not outstanding here.
        rows: rows.map((r) => [r.currency, r.invoiceCount, r.invoiced, r.payerShare, r.settled, r.invoiced - r.payerShare - r.settled, r.openCount]),
        note: 'Invoices issued in the period (void ones left out): what the patients still owe after the payers\' share and what they have paid so far.',
      };
    },
  },
  {
    id: 'billing.payerShares',
    build: async (ctx, p) => {
      const rows = live(await totals(ctx, p, 'invoice', ['currency'])).sort((a, b) => a.currency.localeCompare(b.currency));
      return {
        columns: ['currency', 'invoiced', 'payerShare', 'patientShare'],
        rows: rows.map((r) => [r.currency, r.invoiced, r.payerShare, r.invoiced - r.payerShare]),
        note: 'Invoices issued in the period (void ones left out): the payers\' share (claimed from them, after credit notes) and the patients\' share (after discounts and credit notes).',
      };
    },
  },
];
