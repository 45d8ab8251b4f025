// The patient registry's HTTP shapes. Request fields are checked for type and form here; the rules
// that need code (real dates, phone and national ID formats, a complete name) are in patient-input.ts.
import { Type, type Static, type TSchema } from 'typebox';
import { UUID_PATTERN } from '../../platform/ids.ts';
import { SUDAN_STATE_CODES } from './text/sudan.ts';
import { problem } from '../../platform/http/problem-schemas.ts';

export const PATIENT_STATUSES = ['active', 'inactive', 'deceased', 'merged'] as const;
const EDITABLE_STATUSES = ['active', 'inactive', 'deceased'] as const;

/**
 * `type: [T, "null"]` rather than anyOf, so a bad value gets one error naming its field instead of
 * one per branch. Only for schemas with a single `type`.
 */
function nullable<T extends TSchema>(schema: T) {
  const { type } = schema as unknown as { type: string };
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] });
}

const NamePart = nullable(Type.String({ maxLength: 100 }));
const Sex = Type.Enum(['male', 'female', 'unknown']);
const Language = Type.Enum(['ar', 'en'], { description: 'Language for letters and messages (ar by default)' });
const PhoneInput = Type.String({ maxLength: 32, description: 'Sudanese (0912345678, +249…) or international (+<country code>…)' });

const AddressInput = Type.Object({
  state: Type.Optional(Type.Enum([...SUDAN_STATE_CODES], { description: 'Sudan state code' })),
  locality: Type.Optional(Type.String({ maxLength: 100 })),
  line: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

const EmergencyContactInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  phone: PhoneInput,
  relationship: Type.Optional(Type.String({ maxLength: 50 })),
}, { additionalProperties: false });

const fields = {
  firstName: Type.Optional(NamePart),
  fatherName: Type.Optional(NamePart),
  grandfatherName: Type.Optional(NamePart),
  lastName: Type.Optional(NamePart),
  firstNameAr: Type.Optional(NamePart),
  fatherNameAr: Type.Optional(NamePart),
  grandfatherNameAr: Type.Optional(NamePart),
  lastNameAr: Type.Optional(NamePart),
  sex: Type.Optional(Sex),
  dateOfBirth: Type.Optional(nullable(Type.String({ format: 'date', description: 'YYYY-MM-DD' }))),
  birthYear: Type.Optional(nullable(Type.Integer({ description: 'When the exact date is unknown (with birthDateEstimated: true)' }))),
  birthDateEstimated: Type.Optional(Type.Boolean()),
  phone: Type.Optional(nullable(PhoneInput)),
  email: Type.Optional(nullable(Type.String({ format: 'email', maxLength: 254, description: 'Receipts are emailed here' }))),
  nationalId: Type.Optional(nullable(Type.String({ maxLength: 32, description: 'Sudanese national number, 11 digits' }))),
  address: Type.Optional(nullable(AddressInput)),
  emergencyContact: Type.Optional(nullable(EmergencyContactInput)),
  preferredLanguage: Type.Optional(Language),
  status: Type.Optional(Type.Enum([...EDITABLE_STATUSES])),
};

export const CreatePatientBody = Type.Object({
  ...fields,
  confirmNew: Type.Optional(Type.Boolean({ description: 'Create even though likely duplicates exist (after a 409 duplicate_candidates)' })),
}, { additionalProperties: false, description: 'A first and last name in Latin or Arabic script, and dateOfBirth or birthYear, are required.' });
export type CreatePatientInput = Static<typeof CreatePatientBody>;

export const PatchPatientBody = Type.Object(fields, {
  additionalProperties: false,
  description: 'Only the fields sent change; null clears. Changing the birth details replaces all three (dateOfBirth, birthYear, birthDateEstimated).',
});
export type PatientInput = Static<typeof PatchPatientBody>;

export const IdParams = Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) });
export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'The version from the ETag, e.g. "3"' })) });

export const MergeBody = Type.Object({ duplicateId: Type.String({ pattern: UUID_PATTERN }) }, { additionalProperties: false });

export const ListQuery = Type.Object({
  q: Type.Optional(Type.String({
    minLength: 1, maxLength: 100,
    description: 'Name (Latin or Arabic, any prefix; either script finds the other), optionally with a birth year or date (Mohamed 1985, Mohamed 1985-06-01); '
      + 'MRN, or its number part alone (000123 or 123); phone; or national ID',
  })),
  status: Type.Optional(Type.Enum([...PATIENT_STATUSES], { description: 'Default: every status except merged' })),
  dateOfBirth: Type.Optional(Type.String({ format: 'date', description: 'Only patients born on this date (YYYY-MM-DD); patients with only an estimated birth year have none' })),
  birthYear: Type.Optional(Type.Integer({ minimum: 1000, maximum: 9999, description: 'Only patients born in this year, exact or estimated' })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });
export type ListQueryInput = Static<typeof ListQuery>;

const Text = nullable(Type.String());
const names = {
  firstName: Text, fatherName: Text, grandfatherName: Text, lastName: Text,
  firstNameAr: Text, fatherNameAr: Text, grandfatherNameAr: Text, lastNameAr: Text,
};
const summaryFields = {
  id: Type.String(),
  mrn: Type.String(),
  status: Type.String(),
  mergedIntoId: Text,
  ...names,
  sex: Type.String(),
  dateOfBirth: Text,
  birthYear: Type.Integer(),
  birthDateEstimated: Type.Boolean(),
  phone: Text,
};

export const PatientSummary = Type.Object({ ...summaryFields, nationalId: nullable(Type.String({ description: 'Masked: only the last 4 digits' })) });
export type PatientSummaryView = Static<typeof PatientSummary>;

export const Patient = Type.Object({
  ...summaryFields,
  nationalId: Text,
  address: nullable(Type.Object({ state: Text, locality: Text, line: Text })),
  emergencyContact: nullable(Type.Object({ name: Type.String(), phone: Type.String(), relationship: Text })),
  email: Text,
  preferredLanguage: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type PatientView = Static<typeof Patient>;

export const PatientPage = Type.Object({ items: Type.Array(PatientSummary), nextCursor: Text });

// Errors of the patient routes beyond the common ones (documented, and serialized with these shapes).
export const DuplicateCandidatesProblem = problem('duplicate_candidates: the patient may already be registered; check candidates, or send confirmNew: true', ['duplicate_candidates'], {
  candidates: Type.Array(Type.Object({
    id: Type.String(), mrn: Type.String(), name: Type.String(), dateOfBirth: Text, birthYear: Type.Integer(),
    matchedOn: Type.Array(Type.String({ description: 'nationalId, phone or nameAndBirth' })),
  }, { additionalProperties: true })),
});
export const PatientEditConflictProblem = problem('version_conflict: changed since the version in If-Match (currentVersion); invalid_transition: merged into another record (mergedIntoId)', ['version_conflict', 'invalid_transition'], {
  currentVersion: Type.Optional(Type.Integer()), mergedIntoId: Type.Optional(Text),
});
export const PreconditionProblem = problem('precondition_required: send If-Match with the version from the ETag', ['precondition_required']);
export const MergeConflictProblem = problem('conflict: a patient cannot be merged into itself, or one of the two was already merged (mergedIntoId)', ['conflict'], {
  mergedIntoId: Type.Optional(Text),
});
