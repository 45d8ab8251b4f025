// What is recorded inside encounters — vitals, diagnoses, notes — read for many encounters at once
// (one query per kind, never one per encounter) and written as new rows only.
import type { DiagnosisTable, NoteTable, VitalsTable } from './clinical.table.ts';
import type { Executor } from './clinical-deps.ts';

export type EntryTable = 'encounter_vitals' | 'encounter_diagnoses' | 'encounter_notes';

export interface Entries { vitals: VitalsTable[]; diagnoses: DiagnosisTable[]; notes: NoteTable[] }

export async function entriesOf(db: Executor, facilityId: string, encounterIds: string[], kinds: (keyof Entries)[] = ['vitals', 'diagnoses', 'notes']): Promise<Entries> {
  const out: Entries = { vitals: [], diagnoses: [], notes: [] };
  if (!encounterIds.length) return out;
  if (kinds.includes('vitals')) {
    out.vitals = await db.selectFrom('encounter_vitals').selectAll().where('facility_id', '=', facilityId)
      .where('encounter_id', 'in', encounterIds).orderBy('recorded_at').orderBy('id').execute();
  }
  if (kinds.includes('diagnoses')) {
    out.diagnoses = await db.selectFrom('encounter_diagnoses').selectAll().where('facility_id', '=', facilityId)
      .where('encounter_id', 'in', encounterIds).orderBy('recorded_at').orderBy('id').execute();
  }
  if (kinds.includes('notes')) {
    out.notes = await db.selectFrom('encounter_notes').selectAll().where('facility_id', '=', facilityId)
      .where('encounter_id', 'in', encounterIds).orderBy('written_at').orderBy('id').execute();
  }
  return out;
}

/** Whether `id` is a record of `table` in this encounter: an amendment must correct one of its own. */
export async function entryExists(db: Executor, table: EntryTable, encounterId: string, id: string): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').where('encounter_id', '=', encounterId).where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function latestVitals(db: Executor, facilityId: string, patientId: string): Promise<VitalsTable | undefined> {
  return db.selectFrom('encounter_vitals').selectAll().where('facility_id', '=', facilityId).where('patient_id', '=', patientId)
    .orderBy('recorded_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}
