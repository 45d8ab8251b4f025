// The chart benchmark's data: two patients of the first facility, one with 10 encounters and one
// with 1,000, each encounter with a diagnosis and a set of vitals, plus an allergy and a problem.
// Written once per bench database (found again by MRN on later runs).
import type { Db } from '../src/server/db/connect.ts';
import { nowIso, uuidv7 } from '../src/server/platform/ids.ts';

const BATCH = 100;

export async function chartPatients(db: Db): Promise<Record<number, string>> {
  const facility = await db.kysely.selectFrom('facilities').select('id').orderBy('created_at').limit(1).executeTakeFirstOrThrow();
  const provider = await db.kysely.selectFrom('memberships').select('user_id').where('facility_id', '=', facility.id).limit(1).executeTakeFirstOrThrow();
  const ids: Record<number, string> = {};
  for (const n of [10, 1000]) {
    const mrn = `BENCH-CHART-${n}`;
    const found = await db.kysely.selectFrom('patients').select('id').where('facility_id', '=', facility.id).where('mrn', '=', mrn).executeTakeFirst();
    ids[n] = found?.id ?? await seedPatient(db, facility.id, provider.user_id, mrn, n);
  }
  return ids;
}

async function seedPatient(db: Db, facilityId: string, providerId: string, mrn: string, encounters: number): Promise<string> {
  const id = uuidv7();
  const now = nowIso();
  await db.kysely.insertInto('patients').values({
    id, facility_id: facilityId, mrn, status: 'active', merged_into_id: null, first_name: 'Chart', father_name: null, grandfather_name: null, last_name: `Bench${encounters}`,
    first_name_ar: null, father_name_ar: null, grandfather_name_ar: null, last_name_ar: null, sex: 'female', date_of_birth: '1970-03-03', birth_year: 1970,
    birth_date_estimated: 0, phone: null, national_id_enc: null, national_id_index: null, address_state: null, address_locality: null, address_line: null,
    emergency_name: null, emergency_phone: null, emergency_relationship: null, preferred_language: 'ar', version: 1, created_at: now, updated_at: now,
  }).execute();
  await db.kysely.insertInto('patient_allergies').values({
    id: uuidv7(), facility_id: facilityId, patient_id: id, substance: 'Penicillin', medication_code: null, reaction: 'rash', severity: 'moderate',
    status: 'active', recorded_by: providerId, recorded_at: now, updated_at: now,
  }).execute();
  await db.kysely.insertInto('patient_problems').values({
    id: uuidv7(), facility_id: facilityId, patient_id: id, code: 'B18.1', description: 'Chronic hepatitis B', status: 'active',
    onset_date: null, resolved_at: null, recorded_by: providerId, recorded_at: now, updated_at: now,
  }).execute();
  for (let i = 0; i < encounters; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, encounters - i) }, (_, j) => {
      const at = new Date(Date.UTC(2020, 0, 1) + (i + j) * 86_400_000).toISOString();
      return { id: uuidv7(), at };
    });
    await db.kysely.insertInto('encounters').values(rows.map((r) => ({
      id: r.id, facility_id: facilityId, patient_id: id, appointment_id: null, provider_id: providerId, type: 'outpatient' as const, status: 'completed' as const,
      chief_complaint: 'Fever', started_at: r.at, completed_at: r.at, completed_by: providerId, created_by: providerId, updated_at: r.at,
    }))).execute();
    await db.kysely.insertInto('encounter_diagnoses').values(rows.map((r) => ({
      id: uuidv7(), facility_id: facilityId, encounter_id: r.id, code: 'B54', title: 'Unspecified malaria', type: 'primary' as const, note: null,
      amends_id: null, amend_reason: null, recorded_by: providerId, recorded_at: r.at,
    }))).execute();
    await db.kysely.insertInto('encounter_vitals').values(rows.map((r) => ({
      id: uuidv7(), facility_id: facilityId, encounter_id: r.id, patient_id: id, temperature_c: 37.9, pulse: 92, respiratory_rate: 18, systolic: 124, diastolic: 80,
      spo2: 97, weight_kg: 61, height_cm: 163, muac_mm: null, pain_score: 2, blood_glucose_mmol: null, bmi: 23, flags: '[]',
      amends_id: null, amend_reason: null, recorded_by: providerId, recorded_at: r.at,
    }))).execute();
  }
  return id;
}
