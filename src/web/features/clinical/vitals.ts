// Vital signs on screen: which fields, their units, and the server's own impossibility check
// (server/modules/clinical/vitals.rules.ts) so a mistyped pulse of 720 is caught while typing.
// Abnormal values are never judged here: the flags come from the server with each recording.
// Pure (vitals.test.ts).
import { impossibleVitals } from '../../../server/modules/clinical/vitals.rules.ts';
import type { Vitals, VitalsBody } from './types.ts';

export const VITAL_FIELDS = [
  'temperatureC', 'pulse', 'respiratoryRate', 'systolic', 'diastolic', 'spo2',
  'weightKg', 'heightCm', 'muacMm', 'painScore', 'bloodGlucoseMmol',
] as const;
export type VitalField = (typeof VITAL_FIELDS)[number];

/** Decimal places typed and shown; the rest are whole numbers. */
export const DECIMALS: Partial<Record<VitalField | 'bmi', number>> = { temperatureC: 1, weightKg: 1, heightCm: 1, bloodGlucoseMmol: 1, bmi: 1 };

export type VitalsValues = Record<VitalField, number | string>;
export const EMPTY_VITALS = Object.fromEntries(VITAL_FIELDS.map((f) => [f, ''])) as VitalsValues;

/** Mid-upper arm circumference is measured in children 6–59 months; other ages do not see the field. */
export const showsMuac = (ageMonths: number | null) => ageMonths !== null && ageMonths >= 6 && ageMonths < 60;

/** The typed values as the request body: empty fields left out. */
export function vitalsBody(values: VitalsValues): VitalsBody {
  const body: Record<string, number> = {};
  for (const f of VITAL_FIELDS) {
    const v = values[f];
    if (v !== '' && v !== null && v !== undefined && Number.isFinite(Number(v))) body[f] = Number(v);
  }
  return body as VitalsBody;
}

export type VitalsProblem =
  | { code: 'impossible'; min: number; max: number }
  | { code: 'wholeNumber' | 'diastolicHigh' | 'empty' };

/**
 * What the server would refuse, by field (the form words each problem). While typing (`complete`
 * false) a value below the possible range is not reported yet: "3" on the way to "37" is fine.
 */
export function vitalsProblems(values: VitalsValues, { complete }: { complete: boolean }): Partial<Record<VitalField | 'form', VitalsProblem>> {
  const body = vitalsBody(values);
  const out: Partial<Record<VitalField | 'form', VitalsProblem>> = {};
  for (const p of impossibleVitals(body)) {
    const field = p.field.replace(/^body\.?/, '') as VitalField | '';
    if (field === '') {
      if (complete) out.form = { code: 'empty' };
      continue;
    }
    const range = /between ([\d.]+) and ([\d.]+)/.exec(p.message);
    if (range) {
      const [min, max] = [Number(range[1]), Number(range[2])];
      if (complete || Number(body[field]) > max) out[field] = { code: 'impossible', min, max };
    } else if (/whole number/.test(p.message)) out[field] = { code: 'wholeNumber' };
    else if (complete && field === 'diastolic') out.diastolic = { code: 'diastolicHigh' };
  }
  return out;
}

export type Flag = Vitals['abnormal'][number];

export function flagOf(v: Vitals, field: VitalField | 'bmi'): Flag | undefined {
  return v.abnormal.find((a) => a.field === field);
}

/** The recorded fields of one recording, in display order (blood pressure as one). */
export type ShownVital = VitalField | 'bloodPressure' | 'bmi';
export function shownVitals(v: Vitals): ShownVital[] {
  const out: ShownVital[] = [];
  for (const f of VITAL_FIELDS) {
    if (f === 'diastolic') continue;
    if (f === 'systolic') {
      if (v.systolic !== null || v.diastolic !== null) out.push('bloodPressure');
      continue;
    }
    if (v[f] !== null) out.push(f);
    if (f === 'heightCm' && v.bmi !== null) out.push('bmi');
  }
  return out;
}

/** The worst flag among the fields shown as one (blood pressure: systolic and diastolic). */
export function shownFlag(v: Vitals, shown: ShownVital): Flag | undefined {
  if (shown !== 'bloodPressure') return flagOf(v, shown);
  const flags = [flagOf(v, 'systolic'), flagOf(v, 'diastolic')].filter((f): f is Flag => Boolean(f));
  return flags.find((f) => f.flag.startsWith('critical')) ?? flags[0];
}

export const isCritical = (f: Flag | undefined) => Boolean(f?.flag.startsWith('critical'));
