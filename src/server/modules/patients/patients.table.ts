// The patient registry's tables. Names are stored as typed; search goes through patient_name_keys,
// which holds the normalised keys (text/names.ts) of every name part in both scripts.
export type PatientStatus = 'active' | 'inactive' | 'deceased' | 'merged';
export type PatientSex = 'male' | 'female' | 'unknown';
export type PreferredLanguage = 'ar' | 'en';

export interface PatientTable {
  id: string;
  facility_id: string;
  /** Medical record number: facility code + '-' + zero-padded sequence, unique in the facility. */
  mrn: string;
  status: PatientStatus;
  merged_into_id: string | null;
  first_name: string | null;
  father_name: string | null;
  grandfather_name: string | null;
  last_name: string | null;
  first_name_ar: string | null;
  father_name_ar: string | null;
  grandfather_name_ar: string | null;
  last_name_ar: string | null;
  sex: PatientSex;
  /** YYYY-MM-DD, or null when only the year is known. */
  date_of_birth: string | null;
  birth_year: number;
  birth_date_estimated: number;
  /** E.164. */
  phone: string | null;
  /** Where receipts are emailed; optional (migration 2026-11-27T1720_patient_email). */
  email: string | null;
  /** encryptField() output; the key id travels inside the value. */
  national_id_enc: string | null;
  /** blindIndex() of the normalised national ID, for exact-match lookup. */
  national_id_index: string | null;
  address_state: string | null;
  address_locality: string | null;
  address_line: string | null;
  emergency_name: string | null;
  emergency_phone: string | null;
  emergency_relationship: string | null;
  preferred_language: PreferredLanguage;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PatientNameKeyTable {
  facility_id: string;
  key: string;
  patient_id: string;
}

/** One row per facility: the last MRN sequence number issued there. Only ever incremented. */
export interface PatientMrnCounterTable {
  facility_id: string;
  last_value: number;
}

export interface PatientTables {
  patients: PatientTable;
  patient_name_keys: PatientNameKeyTable;
  patient_mrn_counters: PatientMrnCounterTable;
}
