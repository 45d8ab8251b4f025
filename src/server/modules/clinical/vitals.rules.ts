// Which vital signs are impossible (refused, 422 naming the field) and which are abnormal (kept,
// flagged). Impossible bounds are wide on purpose: they catch typing errors (pulse 720, 3 kg for
// 30), never a real, alarming value. Normal ranges follow the WHO IMCI / Pocket Book of Hospital
// Care for Children age bands and common adult references; the band used is named in the flag.
import type { FieldProblem } from '../../platform/errors.ts';
import type { VitalField } from './clinical.schemas.ts';

const POSSIBLE: Record<VitalField, [min: number, max: number, unit: string]> = {
  temperatureC: [25, 45, '°C'],
  pulse: [20, 300, 'beats/min'],
  respiratoryRate: [4, 120, 'breaths/min'],
  systolic: [40, 300, 'mmHg'],
  diastolic: [20, 200, 'mmHg'],
  spo2: [30, 100, '%'],
  weightKg: [0.3, 400, 'kg'],
  heightCm: [20, 260, 'cm'],
  muacMm: [50, 400, 'mm'],
  painScore: [0, 10, ''],
  bloodGlucoseMmol: [0.5, 60, 'mmol/L'],
};

export type Measurements = Partial<Record<VitalField, number>>;

/** Every impossible value, each named by its field. */
export function impossibleVitals(v: Measurements): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, [min, max, unit]] of Object.entries(POSSIBLE) as [VitalField, [number, number, string]][]) {
    const value = v[field];
    if (value === undefined) continue;
    if (value < min || value > max) problems.push({ field: `body.${field}`, message: `must be between ${min} and ${max}${unit ? ` ${unit}` : ''}; ${value} is not possible` });
  }
  if (v.painScore !== undefined && !Number.isInteger(v.painScore)) problems.push({ field: 'body.painScore', message: 'must be a whole number from 0 to 10' });
  if (v.systolic !== undefined && v.diastolic !== undefined && v.diastolic >= v.systolic) {
    problems.push({ field: 'body.diastolic', message: `must be lower than the systolic pressure (${v.systolic})` });
  }
  if (!Object.keys(POSSIBLE).some((f) => v[f as VitalField] !== undefined)) problems.push({ field: 'body', message: 'record at least one measurement' });
  return problems;
}

export function bmiOf(weightKg: number | undefined, heightCm: number | undefined): number | null {
  if (weightKg === undefined || heightCm === undefined) return null;
  return Math.round((weightKg / (heightCm / 100) ** 2) * 10) / 10;
}

type Range = { low: number; high: number; criticalLow?: number; criticalHigh?: number };
interface Band { name: string; ranges: Partial<Record<VitalField | 'bmi', Range>> }

const ALL_AGES: Band['ranges'] = {
  temperatureC: { low: 36, high: 37.5, criticalLow: 35, criticalHigh: 40 },
  spo2: { low: 94, high: 100, criticalLow: 90 },
  bloodGlucoseMmol: { low: 3.9, high: 7.8, criticalLow: 2.8, criticalHigh: 22 },
  painScore: { low: 0, high: 6 },
};

function bandFor(years: number, months: number): Band {
  if (months < 12) return { name: 'child under 1 year', ranges: { pulse: { low: 100, high: 160, criticalLow: 60 }, respiratoryRate: { low: 30, high: 50, criticalHigh: 60 }, systolic: { low: 70, high: 100 }, diastolic: { low: 40, high: 65 }, ...(months >= 6 ? { muacMm: { low: 125, high: 400, criticalLow: 115 } } : {}) } };
  if (years < 5) return { name: 'child 1–4 years', ranges: { pulse: { low: 80, high: 140 }, respiratoryRate: { low: 20, high: 40, criticalHigh: 50 }, systolic: { low: 80, high: 110 }, diastolic: { low: 50, high: 75 }, muacMm: { low: 125, high: 400, criticalLow: 115 } } };
  if (years < 12) return { name: 'child 5–11 years', ranges: { pulse: { low: 70, high: 120 }, respiratoryRate: { low: 18, high: 30 }, systolic: { low: 90, high: 120 }, diastolic: { low: 55, high: 80 } } };
  if (years < 18) return { name: 'adolescent 12–17 years', ranges: { pulse: { low: 60, high: 100 }, respiratoryRate: { low: 12, high: 20 }, systolic: { low: 90, high: 130 }, diastolic: { low: 60, high: 85 } } };
  return {
    name: 'adult',
    ranges: {
      pulse: { low: 60, high: 100, criticalLow: 40, criticalHigh: 130 }, respiratoryRate: { low: 12, high: 20, criticalLow: 8, criticalHigh: 30 },
      systolic: { low: 90, high: 139, criticalLow: 80, criticalHigh: 180 }, diastolic: { low: 60, high: 89, criticalHigh: 120 },
      bmi: { low: 18.5, high: 24.9 }, muacMm: { low: 230, high: 400, criticalLow: 185 },
    },
  };
}

export interface VitalFlag { field: string; flag: 'low' | 'high' | 'critical_low' | 'critical_high'; normalRange: string; band: string }

/** The abnormal values of a set of vitals, judged by the patient's age on the day. */
export function flagVitals(v: Measurements & { bmi?: number | null }, age: { years: number; months: number }): VitalFlag[] {
  const band = bandFor(age.years, age.months);
  const ranges = { ...ALL_AGES, ...band.ranges };
  const flags: VitalFlag[] = [];
  for (const [field, r] of Object.entries(ranges) as [VitalField | 'bmi', Range][]) {
    const value = v[field];
    if (value === undefined || value === null) continue;
    const flag = r.criticalLow !== undefined && value < r.criticalLow ? 'critical_low'
      : r.criticalHigh !== undefined && value > r.criticalHigh ? 'critical_high'
        : value < r.low ? 'low' : value > r.high ? 'high' : null;
    if (flag) flags.push({ field, flag, normalRange: `${r.low}–${r.high}`, band: ALL_AGES[field as VitalField] ? 'all ages' : band.name });
  }
  return flags;
}
