// The daily totals recomputed from the raw invoices and payments: the reference the consistency
// test compares the incremental totals with, and `nilecare reports rebuild` for drift recovery
// (say after a facility changes its time zone, which moves the local day of past rows). Reads in
// pages so a million invoices never sit in memory at once.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DbClient } from '../../config.ts';
import { localDateOf } from '../../platform/time.ts';
import { addToDay, COUNTERS, facilityZone, INVOICE_SIDE, invoiceMoney, openFlag, type Counters } from './daily-totals.ts';

const PAGE = 5000;
export type DailyTotals = Map<string, Required<Counters>>;
export const dayKey = (day: string, currency: string, method: string) => `${day}|${currency}|${method}`;

function add(map: DailyTotals, key: string, delta: Counters) {
  let acc = map.get(key);
  if (!acc) map.set(key, acc = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Required<Counters>);
  for (const c of COUNTERS) acc[c] += delta[c] ?? 0;
}

/** Every daily total of a facility, from the raw rows. */
export async function rawDailyTotals(db: Kysely<Database>, facilityId: string): Promise<DailyTotals> {
  const zone = await facilityZone(db, facilityId);
  const day = (at: string) => localDateOf(zone, Date.parse(at));
  const out: DailyTotals = new Map();
  // Keyset pages along the spec's invoices(facility_id, issued_at, id) index, and each page's
  // payments by their invoice index: every read is an index range, whatever the database's planner.
  for (let after: { at: string; id: string } | null = null; ;) {
    let q = db.selectFrom('invoices').select(['id', 'issued_at', 'currency', 'total', 'payer_share', 'amount_paid', 'status']).where('facility_id', '=', facilityId);
    if (after) {
      const { at, id } = after;
      q = q.where((eb) => eb.or([eb('issued_at', '>', at), eb.and([eb('issued_at', '=', at), eb('id', '>', id)])]));
    }
    const rows = await q.orderBy('issued_at').orderBy('id').limit(PAGE).execute();
    for (const r of rows) {
      if (r.status === 'void') continue;
      const { total, payerShare, paid } = invoiceMoney(r);
      add(out, dayKey(day(r.issued_at), r.currency, INVOICE_SIDE), { invoice_count: 1, invoiced: total, payer_share: payerShare, settled: paid, open_count: openFlag(total, payerShare, paid) });
    }
    for (let i = 0; i < rows.length; i += 1000) {
      const payments = await db.selectFrom('payments').select(['received_at', 'confirmed_at', 'currency', 'method', 'amount'])
        .where('invoice_id', 'in', rows.slice(i, i + 1000).map((r) => r.id)).where('status', '=', 'completed').execute();
      for (const p of payments) {
        const amount = Number(p.amount);
        add(out, dayKey(day(p.confirmed_at ?? p.received_at), p.currency, p.method), amount >= 0 ? { payment_count: 1, collected: amount } : { refunded: -amount });
      }
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { at: last.issued_at, id: last.id };
  }
  return out;
}

/** The stored daily totals of a facility, in the same shape (all-zero rows left out). */
export async function storedDailyTotals(db: Kysely<Database>, facilityId: string): Promise<DailyTotals> {
  const out: DailyTotals = new Map();
  const rows = await db.selectFrom('billing_daily_totals').selectAll().where('facility_id', '=', facilityId).execute();
  for (const r of rows) {
    if (COUNTERS.every((c) => Number(r[c]) === 0)) continue;
    add(out, dayKey(r.day, r.currency, r.method), Object.fromEntries(COUNTERS.map((c) => [c, Number(r[c])])));
  }
  return out;
}

/**
 * Replaces a facility's daily totals with the recomputed ones, in one transaction; answers how
 * many rows differed. Run it when billing is quiet: a payment committing while the raw rows are
 * read could be counted twice or not at all.
 */
export async function rebuildDailyTotals(db: Kysely<Database>, client: DbClient, facilityId: string): Promise<number> {
  const raw = await rawDailyTotals(db, facilityId);
  const stored = await storedDailyTotals(db, facilityId);
  const differing = [...new Set([...raw.keys(), ...stored.keys()])].filter((k) => COUNTERS.some((c) => raw.get(k)?.[c] !== stored.get(k)?.[c])).length;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('billing_daily_totals').where('facility_id', '=', facilityId).execute();
    for (const [key, counters] of raw) {
      const [day, currency, method] = key.split('|') as [string, string, string];
      await addToDay(trx, client, { facilityId, day, currency, method }, counters);
    }
  });
  return differing;
}
