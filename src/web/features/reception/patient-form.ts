// The registration and edit form's values, and how they become API bodies. The values mirror the
// API's field names (firstName, address.state …) so the server's field errors (`body.address.state`)
// land on the right input (components/forms.ts). An edit sends only what the user changed, so it
// cannot overwrite fields someone else changed meanwhile; `rebase` carries the user's edits onto a
// newer version of the record after a 409. Pure (patient-form.test.ts).
import type { CreatePatientBody, PatchPatientBody, Patient } from '../../api/types.ts';

export const LATIN_NAME_FIELDS = ['firstName', 'fatherName', 'grandfatherName', 'lastName'] as const;
export const ARABIC_NAME_FIELDS = ['firstNameAr', 'fatherNameAr', 'grandfatherNameAr', 'lastNameAr'] as const;
export const NAME_FIELDS = [...ARABIC_NAME_FIELDS, ...LATIN_NAME_FIELDS] as const;
export type NameField = (typeof NAME_FIELDS)[number];

export type Sex = 'female' | 'male' | 'unknown';

export interface PatientFormValues extends Record<NameField, string> {
  sex: Sex | '';
  /** An exact date of birth, or only the year (an estimate, as often when a birth was not registered). */
  birthKnown: 'date' | 'year';
  dateOfBirth: string;
  birthYear: string;
  phone: string;
  nationalId: string;
  address: { state: string; locality: string; line: string };
  emergencyContact: { name: string; phone: string; relationship: string };
  preferredLanguage: 'ar' | 'en';
}

/** Every value's path, as the form and the server's field errors name it. */
export const FORM_PATHS = [
  ...NAME_FIELDS, 'sex', 'birthKnown', 'dateOfBirth', 'birthYear', 'phone', 'nationalId',
  'address.state', 'address.locality', 'address.line',
  'emergencyContact.name', 'emergencyContact.phone', 'emergencyContact.relationship', 'preferredLanguage',
] as const;
export type FormPath = (typeof FORM_PATHS)[number];

export function valueAt(values: PatientFormValues, path: FormPath): string {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const v = (values as unknown as Record<string, unknown>)[head];
  return String(tail === undefined ? v : (v as Record<string, string>)[tail]);
}

function withValue(values: PatientFormValues, path: FormPath, value: string): PatientFormValues {
  const [head, tail] = path.split('.') as [keyof PatientFormValues, string | undefined];
  if (tail === undefined) return { ...values, [head]: value };
  return { ...values, [head]: { ...(values[head] as object), [tail]: value } };
}

/** A blank registration. Letters and messages default to Arabic, as the server's default. */
export function emptyPatientForm(): PatientFormValues {
  return {
    firstNameAr: '', fatherNameAr: '', grandfatherNameAr: '', lastNameAr: '',
    firstName: '', fatherName: '', grandfatherName: '', lastName: '',
    sex: '', birthKnown: 'date', dateOfBirth: '', birthYear: '',
    phone: '', nationalId: '',
    address: { state: '', locality: '', line: '' },
    emergencyContact: { name: '', phone: '', relationship: '' },
    preferredLanguage: 'ar',
  };
}

export function formValuesOf(p: Patient): PatientFormValues {
  const names = Object.fromEntries(NAME_FIELDS.map((f) => [f, p[f] ?? ''])) as Record<NameField, string>;
  return {
    ...names,
    sex: p.sex === 'female' || p.sex === 'male' || p.sex === 'unknown' ? p.sex : '',
    birthKnown: p.dateOfBirth ? 'date' : 'year',
    dateOfBirth: p.dateOfBirth ?? '',
    birthYear: p.dateOfBirth ? '' : String(p.birthYear),
    phone: p.phone ?? '',
    nationalId: p.nationalId ?? '',
    address: { state: p.address?.state ?? '', locality: p.address?.locality ?? '', line: p.address?.line ?? '' },
    emergencyContact: { name: p.emergencyContact?.name ?? '', phone: p.emergencyContact?.phone ?? '', relationship: p.emergencyContact?.relationship ?? '' },
    preferredLanguage: p.preferredLanguage === 'en' ? 'en' : 'ar',
  };
}

const text = (s: string) => s.replace(/\s+/g, ' ').trim();
const orNull = (s: string) => text(s) || null;
const digitsYear = (s: string) => Number(s.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)));

function birthOf(v: PatientFormValues) {
  return v.birthKnown === 'date'
    ? { dateOfBirth: v.dateOfBirth, birthYear: null, birthDateEstimated: false }
    : { dateOfBirth: null, birthYear: digitsYear(v.birthYear), birthDateEstimated: true };
}

function addressOf(v: PatientFormValues): CreatePatientBody['address'] {
  const a = v.address;
  if (!a.state && !text(a.locality) && !text(a.line)) return null;
  return {
    ...(a.state && { state: a.state as NonNullable<NonNullable<CreatePatientBody['address']>['state']> }),
    ...(text(a.locality) && { locality: text(a.locality) }),
    ...(text(a.line) && { line: text(a.line) }),
  };
}

function emergencyOf(v: PatientFormValues): CreatePatientBody['emergencyContact'] {
  const e = v.emergencyContact;
  if (!text(e.name) && !text(e.phone) && !text(e.relationship)) return null;
  return { name: text(e.name), phone: text(e.phone), ...(text(e.relationship) && { relationship: text(e.relationship) }) };
}

/** A registration: blank fields are left out (the server treats them as unknown). */
export function toCreateBody(v: PatientFormValues, confirmNew = false): CreatePatientBody {
  const names = Object.fromEntries(NAME_FIELDS.filter((f) => text(v[f])).map((f) => [f, text(v[f])]));
  const birth = birthOf(v);
  const address = addressOf(v);
  const emergencyContact = emergencyOf(v);
  return {
    ...names,
    ...(v.sex && { sex: v.sex }),
    ...(birth.dateOfBirth ? { dateOfBirth: birth.dateOfBirth } : { birthYear: birth.birthYear, birthDateEstimated: true }),
    ...(text(v.phone) && { phone: text(v.phone) }),
    ...(text(v.nationalId) && { nationalId: text(v.nationalId) }),
    ...(address && { address }),
    ...(emergencyContact && { emergencyContact }),
    preferredLanguage: v.preferredLanguage,
    ...(confirmNew && { confirmNew: true }),
  };
}

const same = (a: string, b: string) => text(a) === text(b);
const changed = (base: PatientFormValues, v: PatientFormValues, paths: readonly FormPath[]) => paths.some((p) => !same(valueAt(base, p), valueAt(v, p)));

/**
 * An edit: only the fields that differ from `base` (the record as loaded), blank ones as null so
 * they are cleared. The birth fields, the address and the emergency contact each go as a whole, as
 * the API replaces them together.
 */
export function toPatchBody(base: PatientFormValues, v: PatientFormValues): PatchPatientBody {
  const body: PatchPatientBody = {};
  for (const f of NAME_FIELDS) if (!same(base[f], v[f])) body[f] = orNull(v[f]);
  if (v.sex && v.sex !== base.sex) body.sex = v.sex;
  const birthPaths: FormPath[] = v.birthKnown === 'date' ? ['birthKnown', 'dateOfBirth'] : ['birthKnown', 'birthYear'];
  if (changed(base, v, birthPaths)) Object.assign(body, birthOf(v));
  if (!same(base.phone, v.phone)) body.phone = orNull(v.phone);
  if (!same(base.nationalId, v.nationalId)) body.nationalId = orNull(v.nationalId);
  if (changed(base, v, ['address.state', 'address.locality', 'address.line'])) body.address = addressOf(v);
  if (changed(base, v, ['emergencyContact.name', 'emergencyContact.phone', 'emergencyContact.relationship'])) body.emergencyContact = emergencyOf(v);
  if (v.preferredLanguage !== base.preferredLanguage) body.preferredLanguage = v.preferredLanguage;
  return body;
}

export interface Rebased {
  values: PatientFormValues;
  /** Fields the user changed that someone else also changed, to something else: path → what is on record now. */
  clashes: Partial<Record<FormPath, string>>;
}

/**
 * After a 409 version_conflict: the newer record, with the user's own changes (what they typed
 * that differs from the version they started from) put back on top. Where both changed the same
 * field differently, the user's value stays in the form and the clash is reported, so the form can
 * show what is on record now beside it.
 */
export function rebase(oldBase: PatientFormValues, newBase: PatientFormValues, typed: PatientFormValues): Rebased {
  let values = newBase;
  const clashes: Rebased['clashes'] = {};
  for (const path of FORM_PATHS) {
    const mine = valueAt(typed, path);
    if (same(mine, valueAt(oldBase, path))) continue; // not touched: take the newer record's
    values = withValue(values, path, mine);
    const theirs = valueAt(newBase, path);
    if (!same(theirs, valueAt(oldBase, path)) && !same(theirs, mine)) clashes[path] = theirs;
  }
  return { values, clashes };
}
