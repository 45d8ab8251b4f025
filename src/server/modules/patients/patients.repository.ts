// Every read and write of patient rows, always within one facility: the facility id comes from the
// caller's scope, and a patient of another facility is simply not found.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DbClient } from '../../config.ts';
import type { PatientTable } from './patients.table.ts';

export type Executor = Kysely<Database> | Transaction<Database>;

export async function findPatient(db: Executor, facilityId: string, id: string): Promise<PatientTable | undefined> {
  return db.selectFrom('patients').selectAll().where('id', '=', id).where('facility_id', '=', facilityId).executeTakeFirst();
}

/**
 * The rows of the given patients, locked until the transaction ends (SQLite needs no lock: it runs
 * one transaction at a time). Locked in id order, so two transactions locking the same pair of
 * patients cannot deadlock.
 */
export async function lockPatients(trx: Transaction<Database>, client: DbClient, facilityId: string, ids: string[]): Promise<Map<string, PatientTable>> {
  let query = trx.selectFrom('patients').selectAll().where('facility_id', '=', facilityId).where('id', 'in', ids).orderBy('id');
  if (client !== 'sqlite') query = query.forUpdate();
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertPatient(trx: Transaction<Database>, row: PatientTable, keys: string[]): Promise<void> {
  await trx.insertInto('patients').values(row).execute();
  await insertNameKeys(trx, row.facility_id, row.id, keys);
}

/** Applies changes only if the row still has the expected version; the caller holds its lock. */
export async function updatePatient(trx: Transaction<Database>, row: PatientTable, expectedVersion: number, changes: Partial<PatientTable>): Promise<void> {
  await trx.updateTable('patients').set(changes)
    .where('id', '=', row.id).where('facility_id', '=', row.facility_id).where('version', '=', expectedVersion)
    .execute();
}

export async function replaceNameKeys(trx: Transaction<Database>, facilityId: string, patientId: string, keys: string[]): Promise<void> {
  await trx.deleteFrom('patient_name_keys').where('patient_id', '=', patientId).where('facility_id', '=', facilityId).execute();
  await insertNameKeys(trx, facilityId, patientId, keys);
}

async function insertNameKeys(trx: Transaction<Database>, facilityId: string, patientId: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await trx.insertInto('patient_name_keys').values(keys.map((key) => ({ facility_id: facilityId, key, patient_id: patientId }))).execute();
}
