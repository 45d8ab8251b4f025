// Rows as the API shows them. The national ID is decrypted only here: in full for one patient's
// record, masked to its last 4 digits in lists.
import type { KeyRing } from '../../platform/field-crypto.ts';
import { decryptField } from '../../platform/field-crypto.ts';
import type { PatientTable } from './patients.table.ts';
import type { PatientSummaryView, PatientView } from './patients.schemas.ts';

/** The columns a list or search result needs; the rest stay in the database. */
export const SUMMARY_COLUMNS = [
  'id', 'mrn', 'status', 'merged_into_id',
  'first_name', 'father_name', 'grandfather_name', 'last_name',
  'first_name_ar', 'father_name_ar', 'grandfather_name_ar', 'last_name_ar',
  'sex', 'date_of_birth', 'birth_year', 'birth_date_estimated', 'phone', 'national_id_enc',
] as const;
export type PatientSummaryRow = Pick<PatientTable, (typeof SUMMARY_COLUMNS)[number]>;

/** Bound to the row, so an encrypted ID copied into another patient's row does not decrypt there. */
export const nationalIdContext = (patientId: string) => `patients.national_id:${patientId}`;

export function maskNationalId(id: string): string {
  return '*'.repeat(Math.max(0, id.length - 4)) + id.slice(-4);
}

function nationalIdOf(row: PatientSummaryRow, ring: KeyRing): string | null {
  return row.national_id_enc === null ? null : decryptField(row.national_id_enc, ring, nationalIdContext(row.id));
}

/** "First Father Grandfather Last" in Latin script when there is one, else in Arabic. */
/** The name columns, in both scripts; other modules join them to show a patient's name. */
export type PatientNameColumns = Pick<PatientTable, 'first_name' | 'father_name' | 'grandfather_name' | 'last_name' | 'first_name_ar' | 'father_name_ar' | 'grandfather_name_ar' | 'last_name_ar'>;

/** The Latin four-part name when there is one, else the Arabic. */
export function displayName(row: PatientNameColumns): string {
  const latin = [row.first_name, row.father_name, row.grandfather_name, row.last_name];
  const arabic = [row.first_name_ar, row.father_name_ar, row.grandfather_name_ar, row.last_name_ar];
  const parts = (row.first_name || row.last_name ? latin : arabic).filter(Boolean);
  return parts.join(' ');
}

const joined = (parts: (string | null)[]): string | null => parts.filter(Boolean).join(' ') || null;

/**
 * The name as registered and in each script, so a screen can show the interface's script with the
 * other beside it (appointments, the queue, the clinical worklist and the pharmacy carry these).
 */
export function patientNames(r: PatientNameColumns): { patientName: string | null; patientNameLatin: string | null; patientNameArabic: string | null } {
  return {
    patientName: displayName(r) || null,
    patientNameLatin: joined([r.first_name, r.father_name, r.grandfather_name, r.last_name]),
    patientNameArabic: joined([r.first_name_ar, r.father_name_ar, r.grandfather_name_ar, r.last_name_ar]),
  };
}

function summaryFields(row: PatientSummaryRow) {
  return {
    id: row.id,
    mrn: row.mrn,
    status: row.status,
    mergedIntoId: row.merged_into_id,
    firstName: row.first_name,
    fatherName: row.father_name,
    grandfatherName: row.grandfather_name,
    lastName: row.last_name,
    firstNameAr: row.first_name_ar,
    fatherNameAr: row.father_name_ar,
    grandfatherNameAr: row.grandfather_name_ar,
    lastNameAr: row.last_name_ar,
    sex: row.sex,
    dateOfBirth: row.date_of_birth,
    birthYear: Number(row.birth_year),
    birthDateEstimated: Number(row.birth_date_estimated) === 1,
    phone: row.phone,
  };
}

export function toPatientSummary(row: PatientSummaryRow, ring: KeyRing): PatientSummaryView {
  const nationalId = nationalIdOf(row, ring);
  return { ...summaryFields(row), nationalId: nationalId === null ? null : maskNationalId(nationalId) };
}

export function toPatientView(row: PatientTable, ring: KeyRing): PatientView {
  const hasAddress = row.address_state !== null || row.address_locality !== null || row.address_line !== null;
  return {
    ...summaryFields(row),
    nationalId: nationalIdOf(row, ring),
    address: hasAddress ? { state: row.address_state, locality: row.address_locality, line: row.address_line } : null,
    emergencyContact: row.emergency_name !== null && row.emergency_phone !== null
      ? { name: row.emergency_name, phone: row.emergency_phone, relationship: row.emergency_relationship }
      : null,
    email: row.email ?? null,
    preferredLanguage: row.preferred_language,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The ETag of a record: its version, as a strong validator. */
export const etagOf = (row: Pick<PatientTable, 'version'>) => `"${Number(row.version)}"`;
