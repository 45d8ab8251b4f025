// A patient's age as reception says it: years, or months and then days for small children, and
// "about" when only the birth year is known. "Today" is the facility's calendar date, not the
// computer's, so a clinic in Khartoum and a browser set to UTC agree near midnight. Pure (age.test.ts).

export interface Birth { dateOfBirth: string | null; birthYear: number; birthDateEstimated: boolean }
export interface Age { value: number; unit: 'years' | 'months' | 'days'; estimated: boolean }

/** The calendar date (YYYY-MM-DD) it is now in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const ymd = (date: string) => date.split('-').map(Number) as [number, number, number];
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Below this many years, an exact age is given in months (and below one month, in days). */
const MONTHS_BELOW_YEARS = 2;

export function ageOf(birth: Birth, today: string): Age | null {
  const [ty, tm, td] = ymd(today);
  if (!birth.dateOfBirth) {
    return birth.birthYear > 0 && birth.birthYear <= ty ? { value: ty - birth.birthYear, unit: 'years', estimated: true } : null;
  }
  if (birth.dateOfBirth > today) return null;
  const [by, bm, bd] = ymd(birth.dateOfBirth);
  // Whole months lived: a birthday on the 31st is reached on the last day of a shorter month only
  // when that month ends (so 29 February counts from 1 March in other years).
  const months = (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
  const estimated = birth.birthDateEstimated;
  if (months >= MONTHS_BELOW_YEARS * 12) return { value: Math.floor(months / 12), unit: 'years', estimated };
  if (months >= 1) return { value: months, unit: 'months', estimated };
  return { value: daysBetween(birth.dateOfBirth, today), unit: 'days', estimated };
}
