// Invoice numbers: facility code, year and a six-digit sequence (FAC-2026-000123), gapless per
// facility per year. The counter row is incremented under its row lock inside the transaction that
// stores the invoice, so a rolled-back invoice never used its number, and concurrent invoices wait
// for each other only for this one row (the same pattern as patient MRNs). Credit notes have their
// own series (CN-FAC-2026-000001) with the same rules in credit_note_counters.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DbClient } from '../../config.ts';

export type Series = 'invoice_counters' | 'credit_note_counters';
const PREFIX: Record<Series, string> = { invoice_counters: '', credit_note_counters: 'CN-' };

/** Creates the counter row in its own statement before the transaction (InnoDB insert locks would deadlock inside it). */
export async function ensureInvoiceCounter(db: Kysely<Database>, client: DbClient, facilityId: string, year: number, series: Series = 'invoice_counters'): Promise<void> {
  const exists = await db.selectFrom(series).select('year').where('facility_id', '=', facilityId).where('year', '=', year).executeTakeFirst();
  if (exists) return;
  const insert = db.insertInto(series).values({ facility_id: facilityId, year, last_value: 0 });
  await (client === 'postgres' ? insert.onConflict((oc) => oc.columns(['facility_id', 'year']).doNothing()) : insert.orIgnore()).execute();
}

export async function nextInvoiceNumber(trx: Transaction<Database>, client: DbClient, facilityId: string, year: number, series: Series = 'invoice_counters'): Promise<string> {
  // SQLite runs one write transaction at a time; the others lock the counter row.
  let counter = trx.selectFrom(series).select('last_value').where('facility_id', '=', facilityId).where('year', '=', year);
  if (client !== 'sqlite') counter = counter.forUpdate();
  const next = Number((await counter.executeTakeFirstOrThrow()).last_value) + 1;
  await trx.updateTable(series).set({ last_value: next }).where('facility_id', '=', facilityId).where('year', '=', year).execute();
  const facility = await trx.selectFrom('facilities').select('code').where('id', '=', facilityId).executeTakeFirstOrThrow();
  return `${PREFIX[series]}${facility.code}-${year}-${String(next).padStart(6, '0')}`;
}
