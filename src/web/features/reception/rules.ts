// The registration form's rules, the same as the server's (server/modules/patients/patient-input.ts,
// birth.ts; the phone and national ID normalisers are the server's own functions), so the user
// learns of a mistake while typing instead of after saving. Two modes: `typing` reports only what
// typing more cannot fix (a letter in a phone number, Arabic in a Latin name field); `complete`
// everything, for leaving a field and saving. Errors are codes; the form words them
// (reception:rules.<code>). Pure (rules.test.ts).
import { normaliseNationalId, normalisePhone, toAsciiDigits } from '../../../server/modules/patients/text/index.ts';
import { MAX_AGE_YEARS } from '../../../server/modules/patients/birth.ts';
import { ARABIC_NAME_FIELDS, FORM_PATHS, LATIN_NAME_FIELDS, NAME_FIELDS, valueAt, type FormPath, type NameField, type PatientFormValues } from './patient-form.ts';

export type RuleCode =
  | 'arabicInLatin' | 'latinInArabic' | 'tooLong' | 'firstNameRequired' | 'lastNameRequired'
  | 'sexRequired' | 'dateRequired' | 'dateInvalid' | 'dateFuture' | 'dateTooOld' | 'yearRequired' | 'yearRange'
  | 'phoneInvalid' | 'nationalIdInvalid' | 'contactNameRequired' | 'contactPhoneRequired';

export interface RuleProblem { code: RuleCode; values?: Record<string, number> }
export type RuleErrors = Partial<Record<FormPath, RuleProblem>>;

// The server's limits (patients.schemas.ts).
const MAX_LENGTH: Partial<Record<FormPath, number>> = {
  ...Object.fromEntries(NAME_FIELDS.map((f) => [f, 100])),
  'address.locality': 100, 'address.line': 200,
  'emergencyContact.name': 200, 'emergencyContact.relationship': 50,
};

// As the server decides (patients branch, decision 0010): a letter of the other script in a name field.
const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
// What may appear in a phone number or national ID while it is being typed.
const PHONE_CHARACTERS = /^[+\d\s\p{Pd}.()\p{Cf}\u0660-\u0669\u06f0-\u06f9]*$/u;
const ID_CHARACTERS = /^[\d\s\p{Pd}\u0660-\u0669\u06f0-\u06f9]*$/u;

const filled = (s: string) => s.trim() !== '';
const isArabicField = (f: NameField) => f.endsWith('Ar');

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** `today` is the facility's date (YYYY-MM-DD). */
export function checkPatientForm(v: PatientFormValues, today: string, mode: 'typing' | 'complete', interfaceScript: 'ar' | 'en' = 'ar'): RuleErrors {
  const errors: RuleErrors = {};
  const set = (path: FormPath, code: RuleCode, values?: RuleProblem['values']) => {
    errors[path] ??= values ? { code, values } : { code };
  };

  for (const f of NAME_FIELDS) {
    const value = v[f];
    if (isArabicField(f) ? LATIN_LETTER.test(value) : ARABIC_LETTER.test(value)) set(f, isArabicField(f) ? 'latinInArabic' : 'arabicInLatin');
  }
  for (const path of FORM_PATHS) {
    const max = MAX_LENGTH[path];
    if (max !== undefined && valueAt(v, path).trim().length > max) set(path, 'tooLong', { max });
  }
  if (filled(v.phone) && !PHONE_CHARACTERS.test(v.phone)) set('phone', 'phoneInvalid');
  if (filled(v.emergencyContact.phone) && !PHONE_CHARACTERS.test(v.emergencyContact.phone)) set('emergencyContact.phone', 'phoneInvalid');
  if (filled(v.nationalId) && (!ID_CHARACTERS.test(v.nationalId) || toAsciiDigits(v.nationalId).replace(/\D/g, '').length > 11)) set('nationalId', 'nationalIdInvalid');
  if (v.birthKnown === 'year' && filled(v.birthYear) && !/^\s*[\d\u0660-\u0669]{1,4}\s*$/.test(v.birthYear)) set('birthYear', 'yearRange', yearRange(today));
  if (mode === 'typing') return errors;

  // A first and a last name in at least one script. The messages go to the script the user started
  // in, or, when they started in neither or both, to the interface's (whose fields come first).
  const latinDone = filled(v.firstName) && filled(v.lastName);
  const arabicDone = filled(v.firstNameAr) && filled(v.lastNameAr);
  if (!latinDone && !arabicDone) {
    const latinStarted = LATIN_NAME_FIELDS.some((f) => filled(v[f]));
    const arabicStarted = ARABIC_NAME_FIELDS.some((f) => filled(v[f]));
    const script = latinStarted === arabicStarted ? interfaceScript : latinStarted ? 'en' : 'ar';
    const [first, last] = script === 'en' ? ['firstName', 'lastName'] as const : ['firstNameAr', 'lastNameAr'] as const;
    if (!filled(v[first])) set(first, 'firstNameRequired');
    if (!filled(v[last])) set(last, 'lastNameRequired');
  }

  if (!v.sex) set('sex', 'sexRequired');

  const range = yearRange(today);
  if (v.birthKnown === 'date') {
    if (!filled(v.dateOfBirth)) set('dateOfBirth', 'dateRequired');
    else if (!isRealDate(v.dateOfBirth)) set('dateOfBirth', 'dateInvalid');
    else if (v.dateOfBirth > today) set('dateOfBirth', 'dateFuture');
    else if (Number(v.dateOfBirth.slice(0, 4)) < range.min) set('dateOfBirth', 'dateTooOld', { max: MAX_AGE_YEARS });
  } else if (!filled(v.birthYear)) {
    set('birthYear', 'yearRequired');
  } else {
    const year = Number(toAsciiDigits(v.birthYear.trim()));
    if (!Number.isInteger(year) || year < range.min || year > range.max) set('birthYear', 'yearRange', range);
  }

  if (filled(v.phone) && !normalisePhone(v.phone)) set('phone', 'phoneInvalid');
  if (filled(v.nationalId) && !normaliseNationalId(v.nationalId)) set('nationalId', 'nationalIdInvalid');

  const e = v.emergencyContact;
  if (filled(e.name) || filled(e.phone) || filled(e.relationship)) {
    if (!filled(e.name)) set('emergencyContact.name', 'contactNameRequired');
    if (!filled(e.phone)) set('emergencyContact.phone', 'contactPhoneRequired');
    else if (!normalisePhone(e.phone)) set('emergencyContact.phone', 'phoneInvalid');
  }
  return errors;
}

function yearRange(today: string) {
  const max = Number(today.slice(0, 4));
  return { min: max - MAX_AGE_YEARS, max };
}

/**
 * The form's own words for a refusal from the server, where it has them: the server's messages are
 * English fragments ("is not a valid phone number"), which an Arabic screen should not show. Null
 * when the message is not one the form knows (the server's text is shown then).
 */
export function serverRuleCode(path: string, message: string): RuleCode | null {
  if (/Arabic script/i.test(message)) return 'arabicInLatin';
  if (/Latin letters/i.test(message)) return 'latinInArabic';
  if (path === 'phone' || path === 'emergencyContact.phone') return /valid phone/.test(message) ? 'phoneInvalid' : null;
  if (path === 'nationalId') return /11-digit/.test(message) ? 'nationalIdInvalid' : null;
  if (path === 'dateOfBirth') return /future/.test(message) ? 'dateFuture' : /years ago/.test(message) ? 'dateTooOld' : /required/.test(message) ? 'dateRequired' : null;
  if (/^first(Name|NameAr)$/.test(path) && /required/.test(message)) return 'firstNameRequired';
  if (/^last(Name|NameAr)$/.test(path) && /required/.test(message)) return 'lastNameRequired';
  return null;
}
