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

export type PrescriptionStatus = 'pending' | 'partially_dispensed' | 'dispensed' | 'cancelled';

export interface PrescriptionTable {
  id: string;
  facility_id: string;
  encounter_id: string;
  patient_id: string;
  medication_code: string;
  /** "Amoxicillin 500 mg capsule" as the formulary said when prescribed. */
  medication_name: string;
  dose: number;
  dose_unit: string;
  route: string;
  frequency: string;
  duration_days: number;
  quantity: number | null;
  instructions: string | null;
  status: PrescriptionStatus;
  dispensed_quantity: number;
  /** JSON list of the warnings the prescriber overrode (allergy, duplicate). */
  warnings: string;
  override_reason: string | null;
  prescribed_by: string;
  prescribed_at: string;
  updated_at: string;
}

export interface DispensationTable {
  id: string;
  facility_id: string;
  prescription_id: string;
  quantity: number;
  dispensed_by: string;
  dispensed_at: string;
}

export type LabOrderStatus = 'ordered' | 'collected' | 'resulted' | 'verified';

export interface LabOrderTable {
  id: string;
  facility_id: string;
  encounter_id: string;
  patient_id: string;
  priority: 'routine' | 'urgent' | 'stat';
  status: LabOrderStatus;
  ordered_by: string;
  ordered_at: string;
  collected_by: string | null;
  collected_at: string | null;
  resulted_by: string | null;
  resulted_at: string | null;
  verified_by: string | null;
  verified_at: string | null;
  updated_at: string;
}

/** One test of an order, and its result once entered. */
export interface LabOrderTestTable {
  id: string;
  facility_id: string;
  order_id: string;
  test_code: string;
  test_name: string;
  unit: string | null;
  value: string | null;
  flag: string | null;
  reference_range: string | null;
  resulted_by: string | null;
  resulted_at: string | null;
}

export interface ClinicalTables {
  prescriptions: PrescriptionTable;
  dispensations: DispensationTable;
  lab_orders: LabOrderTable;
  lab_order_tests: LabOrderTestTable;
  encounters: EncounterTable;
  encounter_vitals: VitalsTable;
  encounter_diagnoses: DiagnosisTable;
  encounter_notes: NoteTable;
  patient_allergies: AllergyTable;
  patient_problems: ProblemTable;
}
