// Turns a create or patch body into column values, checking what a schema cannot: real and
// plausible birth dates, phone and national ID formats. Every problem is collected so one 400
// names every bad field. Nothing here touches the database.
import { invalid, type FieldProblem } from '../../platform/errors.ts';
import type { PatientTable } from './patients.table.ts';
import type { PatientInput } from './patients.schemas.ts';
import { normalisePhone } from './text/phone.ts';
import { normaliseNationalId } from './text/national-id.ts';
import { checkBirth } from './birth.ts';

export const NAME_FIELDS = [
  ['firstName', 'first_name'], ['fatherName', 'father_name'], ['grandfatherName', 'grandfather_name'], ['lastName', 'last_name'],
  ['firstNameAr', 'first_name_ar'], ['fatherNameAr', 'father_name_ar'], ['grandfatherNameAr', 'grandfather_name_ar'], ['lastNameAr', 'last_name_ar'],
] as const;

export type PatientColumns = Omit<PatientTable, 'id' | 'facility_id' | 'mrn' | 'merged_into_id' | 'national_id_enc' | 'national_id_index' | 'version' | 'created_at' | 'updated_at'>;

export interface NormalisedInput {
  columns: Partial<PatientColumns>;
  /** The normalised national ID; null clears it; undefined leaves it as it is. */
  nationalId?: string | null;
}

/** Whitespace (and control characters pasted with it) collapsed to single spaces; empty → null. */
function clean(value: string | null | undefined): string | null {
  const s = (value ?? '').normalize('NFC').replace(/[\p{Cc}\s]+/gu, ' ').trim();
  return s === '' ? null : s;
}

const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * Each script has its own name fields, and a name typed into the other script's field is refused
 * rather than moved (decision 0021): the message names the field it belongs in.
 */
function scriptProblem(field: (typeof NAME_FIELDS)[number][0], value: string): FieldProblem | null {
  const arabicField = field.endsWith('Ar');
  if (!arabicField && ARABIC_LETTER.test(value)) {
    return { field: `body.${field}`, message: `is in Arabic script: type the Arabic spelling in ${field}Ar (${field} is for the Latin spelling)` };
  }
  if (arabicField && LATIN_LETTER.test(value)) {
    const latin = field.slice(0, -2);
    return { field: `body.${field}`, message: `is in Latin letters: type the Latin spelling in ${latin} (${field} is for the Arabic spelling)` };
  }
  return null;
}

function phoneOf(value: string, field: string, problems: FieldProblem[]): string | null {
  const phone = normalisePhone(value);
  if (!phone) problems.push({ field, message: 'is not a valid phone number (e.g. 0912345678, +249912345678 or +<country code><number>)' });
  return phone;
}

export function normalisePatientInput(body: PatientInput, mode: 'create' | 'patch', now = new Date()): NormalisedInput {
  const problems: FieldProblem[] = [];
  const c: Partial<PatientColumns> = {};
  const has = (field: keyof PatientInput) => body[field] !== undefined;

  for (const [field, column] of NAME_FIELDS) {
    if (!has(field)) continue;
    c[column] = clean(body[field]);
    const wrongScript = c[column] ? scriptProblem(field, c[column]) : null;
    if (wrongScript) problems.push(wrongScript);
  }
  if (body.sex !== undefined) c.sex = body.sex;
  if (body.preferredLanguage !== undefined) c.preferred_language = body.preferredLanguage;
  if (body.status !== undefined) c.status = body.status;

  if (has('dateOfBirth') || has('birthYear') || has('birthDateEstimated')) {
    Object.assign(c, checkBirth(body, now, problems));
  } else if (mode === 'create') {
    problems.push({ field: 'body.dateOfBirth', message: 'is required (or birthYear with birthDateEstimated: true)' });
  }

  if (has('phone')) c.phone = body.phone === null ? null : phoneOf(body.phone!, 'body.phone', problems);
  if (has('email')) c.email = clean(body.email);

  let nationalId: string | null | undefined;
  if (body.nationalId === null) nationalId = null;
  else if (body.nationalId !== undefined) {
    nationalId = normaliseNationalId(body.nationalId);
    if (!nationalId) problems.push({ field: 'body.nationalId', message: 'must be the 11-digit national number' });
  }

  if (has('address')) {
    const a = body.address;
    c.address_state = a?.state ?? null; // the schema's enum accepts only Sudan state codes
    c.address_locality = clean(a?.locality);
    c.address_line = clean(a?.line);
  }

  if (has('emergencyContact')) {
    const e = body.emergencyContact;
    c.emergency_name = clean(e?.name);
    c.emergency_phone = e ? phoneOf(e.phone, 'body.emergencyContact.phone', problems) : null;
    c.emergency_relationship = clean(e?.relationship);
    if (e && !c.emergency_name) problems.push({ field: 'body.emergencyContact.name', message: 'must not be blank' });
  }

  // A new record's missing names are named with every other problem, in one answer.
  if (mode === 'create') problems.unshift(...nameProblems(c));
  if (problems.length) throw invalid(problems);
  return { columns: c, nationalId };
}

type NameColumns = Pick<PatientColumns, (typeof NAME_FIELDS)[number][1]>;

/** A record must keep a first and last name in at least one script, whatever a patch cleared. */
export function checkNames(row: NameColumns): void {
  const problems = nameProblems(row);
  if (problems.length) throw invalid(problems);
}

function nameProblems(row: Partial<NameColumns>): FieldProblem[] {
  if ((row.first_name && row.last_name) || (row.first_name_ar && row.last_name_ar)) return [];
  const arabicStarted = !row.first_name && !row.last_name && Boolean(row.first_name_ar || row.last_name_ar);
  const [first, last, other] = arabicStarted
    ? [['firstNameAr', row.first_name_ar], ['lastNameAr', row.last_name_ar], 'firstName and lastName'] as const
    : [['firstName', row.first_name], ['lastName', row.last_name], 'firstNameAr and lastNameAr'] as const;
  return [first, last]
    .filter(([, value]) => !value)
    .map(([field]) => ({ field: `body.${field}`, message: `is required (or give ${other})` }));
}
