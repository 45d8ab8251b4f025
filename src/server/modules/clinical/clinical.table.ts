// The clinical module's tables (migration 2026-11-27T1510_clinical). Numbers from the drivers may
// arrive as strings (MySQL DOUBLE is fine, but counts are not): views convert with Number().
export type EncounterStatus = 'in_progress' | 'completed';
export type EncounterType = 'outpatient' | 'emergency' | 'inpatient';

export interface EncounterTable {
  id: string;
  facility_id: string;
  patient_id: string;
  appointment_id: string | null;
  /** The clinician responsible: who opened it, or the appointment's provider. */
  provider_id: string;
  type: EncounterType;
  status: EncounterStatus;
  chief_complaint: string | null;
  started_at: string;
  completed_at: string | null;
  completed_by: string | null;
  created_by: string;
  updated_at: string;
}

/** One set of measurements; any may be absent. Flags: JSON {field: 'low'|'high'|'critical_low'|…}. */
export interface VitalsTable {
  id: string;
  facility_id: string;
  encounter_id: string;
  patient_id: string;
  temperature_c: number | null;
  pulse: number | null;
  respiratory_rate: number | null;
  systolic: number | null;
  diastolic: number | null;
  spo2: number | null;
  weight_kg: number | null;
  height_cm: number | null;
  muac_mm: number | null;
  pain_score: number | null;
  blood_glucose_mmol: number | null;
  bmi: number | null;
  flags: string;
  amends_id: string | null;
  amend_reason: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface DiagnosisTable {
  id: string;
  facility_id: string;
  encounter_id: string;
  code: string;
  /** The catalog's English title when recorded, so the record reads the same if the catalog changes. */
  title: string;
  type: 'primary' | 'secondary';
  note: string | null;
  amends_id: string | null;
  amend_reason: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface NoteTable {
  id: string;
  facility_id: string;
  encounter_id: string;
  subjective: string | null;
  objective: string | null;
  assessment: string | null;
  plan: string | null;
  amends_id: string | null;
  amend_reason: string | null;
  author_id: string;
  written_at: string;
}

export interface AllergyTable {
  id: string;
  facility_id: string;
  patient_id: string;
  substance: string;
  medication_code: string | null;
  reaction: string | null;
  severity: 'mild' | 'moderate' | 'severe';
  status: 'active' | 'inactive' | 'entered_in_error';
  recorded_by: string;
  recorded_at: string;
  updated_at: string;
}

export interface ProblemTable {
  id: string;
  facility_id: string;
  patient_id: string;
  code: string | null;
  description: string;
  status: 'active' | 'resolved' | 'entered_in_error';
  onset_date: string | null;
  resolved_at: string | null;
  recorded_by: string;
  recorded_at: string;
  updated_at: string;
}

export interface ClinicalTables {
  encounters: EncounterTable;
  encounter_vitals: VitalsTable;
  encounter_diagnoses: DiagnosisTable;
  encounter_notes: NoteTable;
  patient_allergies: AllergyTable;
  patient_problems: ProblemTable;
}
