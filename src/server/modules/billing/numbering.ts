// Invoice numbers: facility code, year and a six-digit sequence (FAC-2026-000123), gapless per
// facility per year. The counter row is incremented under its row lock inside the transaction that
// stores the invoice, so a rolled-back invoice never used its number, and concurrent invoices wait
// for each other only for this one row (the same pattern as patient MRNs).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DbClient } from '../../config.ts';

/** Creates the counter row in its own statement before the transaction (InnoDB insert locks would deadlock inside it). */
export async function ensureInvoiceCounter(db: Kysely<Database>, client: DbClient, facilityId: string, year: number): Promise<void> {
  const exists = await db.selectFrom('invoice_counters').select('year').where('facility_id', '=', facilityId).where('year', '=', year).executeTakeFirst();
  if (exists) return;
  const insert = db.insertInto('invoice_counters').values({ facility_id: facilityId, year, last_value: 0 });
  await (client === 'postgres' ? insert.onConflict((oc) => oc.columns(['facility_id', 'year']).doNothing()) : insert.orIgnore()).execute();
}

export async function nextInvoiceNumber(trx: Transaction<Database>, client: DbClient, facilityId: string, year: number): Promise<string> {
  // SQLite runs one write transaction at a time; the others lock the counter row.
  let counter = trx.selectFrom('invoice_counters').select('last_value').where('facility_id', '=', facilityId).where('year', '=', year);
  if (client !== 'sqlite') counter = counter.forUpdate();
  const next = Number((await counter.executeTakeFirstOrThrow()).last_value) + 1;
  await trx.updateTable('invoice_counters').set({ last_value: next }).where('facility_id', '=', facilityId).where('year', '=', year).execute();
  const facility = await trx.selectFrom('facilities').select('code').where('id', '=', facilityId).executeTakeFirstOrThrow();
  return `${facility.code}-${year}-${String(next).padStart(6, '0')}`;
}
