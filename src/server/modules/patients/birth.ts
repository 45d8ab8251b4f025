// Birth details: an exact date, or only a year marked as an estimate (common where births were not
// registered). Either way birth_year is stored, so duplicates and ages work for both.
import type { FieldProblem } from '../../platform/errors.ts';
import type { PatientInput } from './patients.schemas.ts';

/** The oldest plausible age; anything older is a typing error. */
export const MAX_AGE_YEARS = 130;
// "Today" is the latest date anywhere on Earth (UTC+14), so a baby born today in any time zone
// is not refused as born in the future, and nothing later than that is accepted.
const LATEST_OFFSET_MS = 14 * 3600_000;

export interface BirthColumns { date_of_birth: string | null; birth_year: number; birth_date_estimated: number }

export function latestToday(now: Date): string {
  return new Date(now.getTime() + LATEST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The birth columns from the three birth fields of a body (all replaced together), or problems. */
export function checkBirth(body: Pick<PatientInput, 'dateOfBirth' | 'birthYear' | 'birthDateEstimated'>, now: Date, problems: FieldProblem[]): BirthColumns | undefined {
  const today = latestToday(now);
  const maxYear = Number(today.slice(0, 4));
  const minYear = maxYear - MAX_AGE_YEARS;
  const { dateOfBirth: date, birthYear: year, birthDateEstimated: estimated } = body;
  const before = problems.length;

  if (date) {
    // The schema's date format already refused impossible dates such as February 30.
    if (date > today) problems.push({ field: 'body.dateOfBirth', message: 'is in the future' });
    else if (Number(date.slice(0, 4)) < minYear) problems.push({ field: 'body.dateOfBirth', message: `is more than ${MAX_AGE_YEARS} years ago` });
    if (year !== undefined && year !== null && year !== Number(date.slice(0, 4))) {
      problems.push({ field: 'body.birthYear', message: 'does not match dateOfBirth' });
    }
    if (problems.length > before) return undefined;
    return { date_of_birth: date, birth_year: Number(date.slice(0, 4)), birth_date_estimated: estimated ? 1 : 0 };
  }
  if (year === undefined || year === null) {
    problems.push({ field: 'body.dateOfBirth', message: 'is required (or birthYear with birthDateEstimated: true)' });
    return undefined;
  }
  if (year < minYear || year > maxYear) problems.push({ field: 'body.birthYear', message: `must be between ${minYear} and ${maxYear}` });
  if (estimated === false) problems.push({ field: 'body.birthDateEstimated', message: 'must be true when only birthYear is given' });
  if (problems.length > before) return undefined;
  return { date_of_birth: null, birth_year: year, birth_date_estimated: 1 };
}
