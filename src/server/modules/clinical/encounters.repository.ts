// Encounter rows, always scoped to the caller's facility. Lists page by (started_at, id).
import { sql } from 'kysely';
import type { DbClient } from '../../config.ts';
import type { PatientNameColumns } from '../patients/index.ts';
import type { EncounterTable } from './clinical.table.ts';
import type { Executor } from './clinical-deps.ts';

export interface EncounterRow extends EncounterTable, PatientNameColumns { mrn: string | null }

const NAME_COLUMNS = ['p.mrn', 'p.first_name', 'p.father_name', 'p.grandfather_name', 'p.last_name', 'p.first_name_ar', 'p.father_name_ar', 'p.grandfather_name_ar', 'p.last_name_ar'] as const;

function withPatient(db: Executor) {
  return db.selectFrom('encounters as e')
    .leftJoin('patients as p', (j) => j.onRef('p.id', '=', 'e.patient_id').onRef('p.facility_id', '=', 'e.facility_id'))
    .selectAll('e').select(NAME_COLUMNS);
}

export function findEncounter(db: Executor, facilityId: string, id: string): Promise<EncounterRow | undefined> {
  return withPatient(db).where('e.facility_id', '=', facilityId).where('e.id', '=', id).executeTakeFirst();
}

/** The row locked until the transaction ends: writes into an encounter serialize with its completion. */
export function lockEncounter(trx: Executor, client: DbClient, facilityId: string, id: string): Promise<EncounterTable | undefined> {
  const q = trx.selectFrom('encounters').selectAll().where('facility_id', '=', facilityId).where('id', '=', id);
  return (client === 'sqlite' ? q : q.forUpdate()).executeTakeFirst();
}

export async function insertEncounter(db: Executor, row: EncounterTable): Promise<void> {
  await db.insertInto('encounters').values(row).execute();
}

export interface EncounterFilter {
  status?: string; providerId?: string; patientId?: string;
  from?: string; to?: string;
  after?: { at: string; id: string };
}

/** The worklist: oldest first, so whoever has waited longest is on top. */
export function listEncounters(db: Executor, facilityId: string, f: EncounterFilter, limit: number): Promise<EncounterRow[]> {
  let q = withPatient(db).where('e.facility_id', '=', facilityId);
  if (f.status) q = q.where('e.status', '=', f.status as EncounterTable['status']);
  if (f.providerId) q = q.where('e.provider_id', '=', f.providerId);
  if (f.patientId) q = q.where('e.patient_id', '=', f.patientId);
  if (f.from) q = q.where('e.started_at', '>=', f.from);
  if (f.to) q = q.where('e.started_at', '<', f.to);
  if (f.after) {
    const { at, id } = f.after;
    q = q.where((eb) => eb.or([eb('e.started_at', '>', at), eb.and([eb('e.started_at', '=', at), eb('e.id', '>', id)])]));
  }
  return q.orderBy('e.started_at').orderBy('e.id').limit(limit).execute();
}

/** A patient's encounters, newest first, for the chart. */
export function patientEncounters(db: Executor, facilityId: string, patientId: string, limit: number, before?: { at: string; id: string }): Promise<EncounterTable[]> {
  let q = db.selectFrom('encounters').selectAll().where('facility_id', '=', facilityId).where('patient_id', '=', patientId);
  if (before) {
    const { at, id } = before;
    q = q.where((eb) => eb.or([eb('started_at', '<', at), eb.and([eb('started_at', '=', at), eb('id', '<', id)])]));
  }
  return q.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** How many diagnoses the encounter has: completion needs one. */
export async function diagnosisCount(db: Executor, encounterId: string): Promise<number> {
  const row = await db.selectFrom('encounter_diagnoses').select(sql<number>`count(*)`.as('n')).where('encounter_id', '=', encounterId).executeTakeFirst();
  return Number(row?.n ?? 0);
}
