// Flags of a lab result against the catalogue's adult reference range and critical limits.
//
//   numeric: critical_low  value < criticalLow      critical_high  value > criticalHigh
//            low           value < low              high           value > high
//            normal        otherwise (a bound the test lacks never flags)
//   coded:   normal when the answer is one of the test's normal answers, else abnormal
//
// A critical limit wins over the range. Bounds are inclusive of normal: a value equal to `low`
// or `high` is normal, one equal to a critical limit is not yet critical. For a woman the
// female range is used where the test has one (haemoglobin, haematocrit, creatinine, …).

export type LabFlag = 'normal' | 'low' | 'high' | 'critical_low' | 'critical_high' | 'abnormal';

export interface FlaggableTest {
  kind: 'numeric' | 'coded';
  low: number | null;
  high: number | null;
  femaleLow?: number | null;
  femaleHigh?: number | null;
  criticalLow: number | null;
  criticalHigh: number | null;
  normalAnswers?: readonly string[];
}

export type Sex = 'male' | 'female' | 'other' | 'unknown';

/** Critical flags are the ones a clinician is told about at once. */
export const isCriticalFlag = (flag: LabFlag): boolean => flag === 'critical_low' || flag === 'critical_high';

export function flagLabResult(test: FlaggableTest, value: number | string, opts: { sex?: Sex } = {}): LabFlag {
  if (test.kind === 'coded') {
    const answer = String(value).trim().toLowerCase();
    return (test.normalAnswers ?? []).some((a) => a.toLowerCase() === answer) ? 'normal' : 'abnormal';
  }
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new RangeError(`a numeric result must be a finite number, got ${JSON.stringify(value)}`);
  const female = opts.sex === 'female';
  const low = (female ? test.femaleLow : null) ?? test.low;
  const high = (female ? test.femaleHigh : null) ?? test.high;
  if (test.criticalLow !== null && n < test.criticalLow) return 'critical_low';
  if (test.criticalHigh !== null && n > test.criticalHigh) return 'critical_high';
  if (low !== null && n < low) return 'low';
  if (high !== null && n > high) return 'high';
  return 'normal';
}
