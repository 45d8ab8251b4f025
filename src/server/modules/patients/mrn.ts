// Medical record numbers: the facility code, a dash and a per-facility sequence (KTH-000123). The
// sequence lives in one counter row per facility, incremented under a row lock inside the
// transaction that creates the patient, so concurrent registrations get distinct numbers and a
// number is never issued twice (a rolled-back registration never issued its number to anyone).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DbClient } from '../../config.ts';

const SEQUENCE_DIGITS = 6;

/** The MRN of a facility's sequence number, however many zeros it was typed with ("2", "0000002"). */
export function mrnOf(facilityCode: string, sequence: number | string): string {
  return `${facilityCode}-${String(sequence).replace(/^0+(?=\d)/, '').padStart(SEQUENCE_DIGITS, '0')}`;
}

/**
 * Creates the facility's counter row if it has none, in its own statement before the registering
 * transaction: creating it inside, under concurrency, would make InnoDB's insert locks deadlock.
 */
export async function ensureMrnCounter(db: Kysely<Database>, client: DbClient, facilityId: string): Promise<void> {
  const exists = await db.selectFrom('patient_mrn_counters').select('facility_id').where('facility_id', '=', facilityId).executeTakeFirst();
  if (exists) return;
  const insert = db.insertInto('patient_mrn_counters').values({ facility_id: facilityId, last_value: 0 });
  await (client === 'postgres' ? insert.onConflict((oc) => oc.column('facility_id').doNothing()) : insert.orIgnore()).execute();
}

/** The next MRN of the facility. Call inside the transaction that stores it. */
export async function nextMrn(trx: Transaction<Database>, client: DbClient, facilityId: string): Promise<string> {
  return (await reserveMrns(trx, client, facilityId, 1))[0]!;
}

/** `count` consecutive MRNs of the facility (bulk registration reserves a block at once). */
export async function reserveMrns(trx: Transaction<Database>, client: DbClient, facilityId: string, count: number): Promise<string[]> {
  // SQLite runs one transaction at a time, so its read-then-write cannot interleave; the others lock.
  let counter = trx.selectFrom('patient_mrn_counters').select('last_value').where('facility_id', '=', facilityId);
  if (client !== 'sqlite') counter = counter.forUpdate();
  const first = Number((await counter.executeTakeFirstOrThrow()).last_value) + 1;
  await trx.updateTable('patient_mrn_counters').set({ last_value: first + count - 1 }).where('facility_id', '=', facilityId).execute();
  const facility = await trx.selectFrom('facilities').select('code').where('id', '=', facilityId).executeTakeFirstOrThrow();
  return Array.from({ length: count }, (_, i) => mrnOf(facility.code, first + i));
}
