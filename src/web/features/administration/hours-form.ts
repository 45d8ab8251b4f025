// Working hours as the editor holds them, checked with the scheduling module's own rules
// (server/modules/scheduling/working-hours.ts): each range ends after it starts, ranges of a day do
// not overlap, a slot is 5–480 minutes. Problems are keyed `days.<weekday>.<index>` like the server's.
import { rangeProblems, WEEKDAYS, type TimeRange, type Week } from '../../../server/modules/scheduling/working-hours.ts';

export { WEEKDAYS };
export type { TimeRange, Week };
export type HoursRule = 'endBeforeStart' | 'overlap' | 'timeInvalid' | 'slotRange';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** The problems of one day's ranges: `<index>` → rule. */
export function dayProblems(ranges: TimeRange[]): Record<number, HoursRule> {
  const out: Record<number, HoursRule> = {};
  ranges.forEach((r, i) => {
    if (!HHMM.test(r.start) || !END.test(r.end)) out[i] = 'timeInvalid';
  });
  if (Object.keys(out).length) return out;
  for (const p of rangeProblems(ranges, 'r')) {
    const i = Number(p.field.split('.')[1]);
    out[i] ??= /overlaps/.test(p.message) ? 'overlap' : 'endBeforeStart';
  }
  return out;
}

export function slotProblem(slotMinutes: number | string): HoursRule | null {
  const n = Number(slotMinutes);
  return Number.isInteger(n) && n >= 5 && n <= 480 ? null : 'slotRange';
}

export function weekValid(days: Week, slotMinutes: number | string): boolean {
  return slotProblem(slotMinutes) === null && WEEKDAYS.every((d) => Object.keys(dayProblems(days[d])).length === 0);
}
