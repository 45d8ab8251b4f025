// Shared set-up of the clinical tests: a clinic's staff calling the API, patients and encounters
// written straight to the database, and records for the access matrix.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/server/db/connect.ts';
import { uuidv7, nowIso } from '../../src/server/platform/ids.ts';
import type { EncounterTable } from '../../src/server/modules/clinical/clinical.table.ts';
import { insertPatient } from './patients.ts';
import { insertProvider, type Staff } from './scheduling.ts';

type Method = 'GET' | 'POST' | 'PATCH';

/** One API call as `who`; answers the response. */
export function call(app: FastifyInstance, who: Staff, method: Method, url: string, payload?: object): Promise<LightMyRequestResponse> {
  return app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });
}

/** An open encounter (and a new patient unless given), written straight to the database. */
export async function insertEncounter(db: Db, facilityId: string, o: Partial<EncounterTable> = {}): Promise<string> {
  const patientId = o.patient_id ?? (await insertPatient(db, facilityId)).id;
  const providerId = o.provider_id ?? await insertProvider(db, facilityId);
  const now = nowIso();
  const id = o.id ?? uuidv7();
  await db.kysely.insertInto('encounters').values({
    id, facility_id: facilityId, patient_id: patientId, appointment_id: null, provider_id: providerId, type: 'outpatient', status: 'in_progress',
    chief_complaint: null, started_at: now, completed_at: null, completed_by: null, created_by: providerId, updated_at: now, ...o,
  }).execute();
  return id;
}

/** A diagnosis row, straight to the database (the catalog check is the diagnoses route's). */
export async function insertDiagnosis(db: Db, facilityId: string, encounterId: string, code = 'B54'): Promise<string> {
  const id = uuidv7();
  await db.kysely.insertInto('encounter_diagnoses').values({
    id, facility_id: facilityId, encounter_id: encounterId, code, title: 'Unspecified malaria', type: 'primary', note: null,
    amends_id: null, amend_reason: null, recorded_by: uuidv7(), recorded_at: nowIso(),
  }).execute();
  return id;
}

/** How many rows a table holds for an encounter (proves "nothing written"). */
export async function countFor(db: Db, table: 'encounter_vitals' | 'encounter_diagnoses' | 'encounter_notes', encounterId: string): Promise<number> {
  return (await db.kysely.selectFrom(table).select('id').where('encounter_id', '=', encounterId).execute()).length;
}

/** An allergy of a new patient; answers both path parameters of the allergy routes. */
export async function insertAllergy(db: Db, facilityId: string): Promise<{ id: string; allergyId: string }> {
  const patient = await insertPatient(db, facilityId);
  const allergyId = uuidv7();
  const now = nowIso();
  await db.kysely.insertInto('patient_allergies').values({
    id: allergyId, facility_id: facilityId, patient_id: patient.id, substance: 'Penicillin', medication_code: null, reaction: null,
    severity: 'mild', status: 'active', recorded_by: uuidv7(), recorded_at: now, updated_at: now,
  }).execute();
  return { id: patient.id, allergyId };
}

/** A problem of a new patient; answers both path parameters of the problem routes. */
export async function insertProblem(db: Db, facilityId: string): Promise<{ id: string; problemId: string }> {
  const patient = await insertPatient(db, facilityId);
  const problemId = uuidv7();
  const now = nowIso();
  await db.kysely.insertInto('patient_problems').values({
    id: problemId, facility_id: facilityId, patient_id: patient.id, code: null, description: 'Asthma', status: 'active',
    onset_date: null, resolved_at: null, recorded_by: uuidv7(), recorded_at: now, updated_at: now,
  }).execute();
  return { id: patient.id, problemId };
}

/** A pending prescription in a new open encounter. */
export async function insertPrescription(db: Db, facilityId: string): Promise<string> {
  const encounterId = await insertEncounter(db, facilityId);
  const { patient_id: patientId } = await db.kysely.selectFrom('encounters').select('patient_id').where('id', '=', encounterId).executeTakeFirstOrThrow();
  const id = uuidv7();
  const now = nowIso();
  await db.kysely.insertInto('prescriptions').values({
    id, facility_id: facilityId, encounter_id: encounterId, patient_id: patientId, medication_code: 'amoxicillin-cap-500mg', medication_name: 'Amoxicillin 500 mg capsule',
    dose: 500, dose_unit: 'mg', route: 'oral', frequency: 'three times daily', duration_days: 5, quantity: 15, instructions: null, status: 'pending',
    dispensed_quantity: 0, warnings: '[]', override_reason: null, prescribed_by: uuidv7(), prescribed_at: now, updated_at: now,
  }).execute();
  return id;
}

/** A collected lab order for haemoglobin in a new open encounter. */
export async function insertLabOrder(db: Db, facilityId: string): Promise<string> {
  const encounterId = await insertEncounter(db, facilityId);
  const { patient_id: patientId } = await db.kysely.selectFrom('encounters').select('patient_id').where('id', '=', encounterId).executeTakeFirstOrThrow();
  const id = uuidv7();
  const now = nowIso();
  await db.kysely.insertInto('lab_orders').values({
    id, facility_id: facilityId, encounter_id: encounterId, patient_id: patientId, priority: 'routine', status: 'collected', ordered_by: uuidv7(), ordered_at: now,
    collected_by: null, collected_at: now, resulted_by: null, resulted_at: null, verified_by: null, verified_at: null, updated_at: now,
  }).execute();
  await db.kysely.insertInto('lab_order_tests').values({
    id: uuidv7(), facility_id: facilityId, order_id: id, test_code: '718-7', test_name: 'Hemoglobin', unit: 'g/dL', value: null, flag: null,
    reference_range: '13–17', resulted_by: null, resulted_at: null,
  }).execute();
  return id;
}
