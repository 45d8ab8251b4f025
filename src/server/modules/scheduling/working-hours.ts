// Weekly working-hour templates and what they mean on one date, as pure functions. Hours are local
// wall times ("08:00"–"16:00") in the facility's time zone; "24:00" ends a range at midnight.
import type { FieldProblem } from '../../platform/errors.ts';
import { localMinutesToInstant, weekdayOf } from '../../platform/time.ts';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface TimeRange { start: string; end: string }
export type Week = Record<Weekday, TimeRange[]>;
export interface WeekTemplate { slotMinutes: number; days: Week }

/** Absolute instants (epoch ms), end exclusive. */
export interface Interval { start: number; end: number }

const OFFICE_DAY: TimeRange[] = [{ start: '08:00', end: '16:00' }];

/** Sudan's working week, so a new installation can book at once: Sunday–Thursday 08:00–16:00. */
export const DEFAULT_FACILITY_HOURS: WeekTemplate = {
  slotMinutes: 30,
  days: { sunday: OFFICE_DAY, monday: OFFICE_DAY, tuesday: OFFICE_DAY, wednesday: OFFICE_DAY, thursday: OFFICE_DAY, friday: [], saturday: [] },
};

export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

const byStart = (a: TimeRange, b: TimeRange) => minutesOf(a.start) - minutesOf(b.start);

/** What is wrong with a day's ranges: an end not after its start, or ranges that overlap. */
export function rangeProblems(ranges: TimeRange[], field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  ranges.forEach((r, i) => {
    if (minutesOf(r.end) <= minutesOf(r.start)) problems.push({ field: `${field}.${i}`, message: `end (${r.end}) must be after start (${r.start})` });
  });
  if (problems.length) return problems;
  const sorted = ranges.map((r, i) => ({ r, i })).sort((a, b) => byStart(a.r, b.r));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!.r;
    const { r, i } = sorted[k]!;
    if (minutesOf(r.start) < minutesOf(prev.end)) problems.push({ field: `${field}.${i}`, message: `overlaps ${prev.start}–${prev.end}` });
  }
  return problems;
}

export function weekProblems(days: Partial<Week>, field: string): FieldProblem[] {
  return WEEKDAYS.flatMap((d) => rangeProblems(days[d] ?? [], `${field}.${d}`));
}

export function sortRanges(ranges: TimeRange[]): TimeRange[] {
  return [...ranges].sort(byStart).map(({ start, end }) => ({ start, end }));
}

/** Every weekday present (a missing day is a day off), ranges in order. */
export function normaliseWeek(days: Partial<Week>): Week {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, sortRanges(days[d] ?? [])])) as Week;
}

/** The ranges worked on a date: the exception's if there is one (null hours = day off), else the template's. */
export function rangesOn(date: string, template: WeekTemplate, exception?: { hours: TimeRange[] | null }): TimeRange[] {
  if (exception) return exception.hours ?? [];
  return template.days[WEEKDAYS[weekdayOf(date)]!];
}

/** A date's ranges as instants, adjoining ranges joined, so an appointment may span 12:00 between two. */
export function intervalsOn(zone: string, date: string, ranges: TimeRange[]): Interval[] {
  const merged: [number, number][] = [];
  for (const r of [...ranges].sort(byStart)) {
    const [s, e] = [minutesOf(r.start), minutesOf(r.end)];
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([s, e]) => ({ start: localMinutesToInstant(zone, date, s), end: localMinutesToInstant(zone, date, e) }));
}

export function describeRanges(ranges: TimeRange[]): string {
  return ranges.length ? [...ranges].sort(byStart).map((r) => `${r.start}–${r.end}`).join(', ') : 'no working hours';
}

export const within = (outer: Interval[], inner: Interval) => outer.some((o) => o.start <= inner.start && inner.end <= o.end);
export const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** Whatever the inputs, the slot loop stops after this many steps (a day of 1-minute starts is 1,440). */
export const MAX_SLOT_STEPS = 2_000;
const MIN_STEP_MS = 60_000;

/**
 * Free slots: starts every `stepMinutes` from each working interval's start, `durationMinutes`
 * long, inside the interval, not before `notBefore`, overlapping no booked interval.
 */
export function freeSlots(working: Interval[], booked: Interval[], stepMinutes: number, durationMinutes: number, notBefore: number): Interval[] {
  const slots: Interval[] = [];
  const [step, length] = [stepMinutes * 60_000, durationMinutes * 60_000];
  // Validation refuses such numbers, but a row stored before it did must not hang the process.
  if (!(step >= MIN_STEP_MS) || !(length > 0) || !Number.isFinite(step + length)) return slots;
  let steps = 0;
  for (const w of working) {
    for (let start = w.start; start + length <= w.end; start += step) {
      if (++steps > MAX_SLOT_STEPS) return slots;
      const slot = { start, end: start + length };
      if (start >= notBefore && !booked.some((b) => overlaps(b, slot))) slots.push(slot);
    }
  }
  return slots;
}
