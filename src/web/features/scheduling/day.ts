// The day view's arithmetic, pure so it is unit-tested (day.test.ts). The API gives every time as
// ISO 8601 with the facility's offset ("2026-12-01T10:00:00+02:00"): the wall clock in the
// facility is in the text itself, so placing an appointment never depends on the browser's zone.

export const MINUTES_PER_DAY = 24 * 60;
/** Shown even when nothing is booked: a usual clinic morning and afternoon. */
export const DEFAULT_WINDOW = { start: 8 * 60, end: 17 * 60 };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/;

export const isDate = (text: string | null | undefined): text is string => {
  const m = DATE.exec(text ?? '');
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

/** Today's date in the facility's zone, whatever zone the browser is in. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A calendar date `days` later (earlier when negative); calendar arithmetic, no time zone. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The facility's local date and minutes since its midnight, read from an API time. */
export function wallClock(iso: string): { date: string; minutes: number } | null {
  const m = LOCAL.exec(iso);
  return m ? { date: m[1]!, minutes: Number(m[2]) * 60 + Number(m[3]) } : null;
}

/**
 * Minutes since the start of `date` for an API time, clamped to that day: an appointment that began
 * the evening before starts at 0, one running past midnight ends at 24:00.
 */
export function minutesOn(date: string, iso: string): number {
  const w = wallClock(iso);
  if (!w) return 0;
  if (w.date < date) return 0;
  if (w.date > date) return MINUTES_PER_DAY;
  return w.minutes;
}

export interface Span { start: number; end: number }

/** The span of an item on `date`, or null when it falls on another day. */
export function spanOn(date: string, item: { dateTime: string; endTime: string }): Span | null {
  const span = { start: minutesOn(date, item.dateTime), end: minutesOn(date, item.endTime) };
  return span.end > span.start || (span.start === span.end && wallClock(item.dateTime)?.date === date) ? span : null;
}

/** The hours the grid shows: the default window widened to whole hours around everything on it. */
export function gridWindow(spans: readonly Span[], base: Span = DEFAULT_WINDOW): Span {
  let { start, end } = base;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(MINUTES_PER_DAY, Math.ceil(end / 60) * 60) };
}

/** The hour marks down the side: 08:00, 09:00 … up to (not including) the window's end. */
export function hourMarks(window: Span): number[] {
  const marks: number[] = [];
  for (let m = Math.ceil(window.start / 60) * 60; m < window.end; m += 60) marks.push(m);
  return marks;
}

/** Where a span sits in a column of `window`, as fractions of its height (CSS top and height). */
export function placement(span: Span, window: Span): { top: number; height: number } {
  const length = window.end - window.start;
  const start = Math.max(span.start, window.start);
  const end = Math.min(Math.max(span.end, start), window.end);
  return { top: (start - window.start) / length, height: (end - start) / length };
}

/**
 * Side-by-side lanes for spans that overlap (a cancelled appointment and the one booked in its
 * place): each item gets a lane and the number of lanes of its overlapping group.
 */
export function lanes<T extends { span: Span }>(items: readonly T[]): (T & { lane: number; lanes: number })[] {
  const sorted = [...items].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const out: (T & { lane: number; lanes: number })[] = [];
  let group: (T & { lane: number; lanes: number })[] = [];
  let groupEnd = -1;
  const close = () => {
    const count = Math.max(0, ...group.map((g) => g.lane + 1));
    for (const g of group) g.lanes = count;
    out.push(...group);
    group = [];
  };
  for (const item of sorted) {
    if (group.length && item.span.start >= groupEnd) close();
    const laneEnds = new Map<number, number>();
    for (const g of group) laneEnds.set(g.lane, Math.max(laneEnds.get(g.lane) ?? -1, g.span.end));
    let lane = 0;
    while ((laneEnds.get(lane) ?? -1) > item.span.start) lane++;
    group.push({ ...item, lane, lanes: 1 });
    groupEnd = Math.max(groupEnd, item.span.end);
  }
  if (group.length) close();
  return out;
}

/** A wall-clock time (minutes since midnight) as an instant whose UTC clock reads the same, for formatting with timeZone UTC. */
export const wallInstant = (minutes: number) => Date.UTC(2000, 0, 1, Math.floor(minutes / 60), minutes % 60);

/** Minutes since the facility's midnight at `now`, when `now` falls on `date` there; else null. */
export function nowOn(date: string, timeZone: string, now: number = Date.now()): number | null {
  if (todayIn(timeZone, now) !== date) return null;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/** The length of a free slot in minutes: the API's slot is as long as the appointment it fits. */
export const slotMinutes = (slot: { start: string; end: string }) => Math.round((Date.parse(slot.end) - Date.parse(slot.start)) / 60_000);
