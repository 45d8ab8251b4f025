// Wall-clock time in an IANA time zone ↔ UTC instants, with nothing but Intl. Appointments and
// working hours are local wall times at a facility; the database stores UTC (docs/decisions/0001).
// Instants are epoch milliseconds; local dates are 'YYYY-MM-DD' strings.

export const DEFAULT_TIME_ZONE = 'Africa/Khartoum';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface WallTime { year: number; month: number; day: number; hour: number; minute: number; second: number }

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl.DateTimeFormat costs far more than using one; there are few zones in use.
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time in `zone` at an instant (seconds precision). */
export function toWallTime(zone: string, instant: number): WallTime {
  const d = new Date(Math.floor(instant / 1000) * 1000 + offsetMinutes(zone, instant) * MINUTE);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

// Offsets change only at transitions, and every transition of a modern zone falls on a quarter hour
// of UTC, so one Intl lookup serves a whole quarter hour. formatToParts is the slow step of showing
// a list of appointments; this cache removes it from the hot path.
const QUARTER_HOUR = 15 * MINUTE;
const offsets = new Map<string, number>();

/** Minutes `zone` is ahead of UTC at an instant (+120 for Africa/Khartoum). */
export function offsetMinutes(zone: string, instant: number): number {
  const key = `${zone}|${Math.floor(instant / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const parts: Record<string, number> = {};
    for (const p of formatter(zone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    offset = Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MINUTE);
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * The instant a wall time in `zone` names, given as that wall time read as if it were UTC.
 * Ambiguous times (clocks going back) take the earlier instant; times that do not exist (clocks
 * going forward) move forward by the length of the gap — Temporal's "compatible" rule.
 */
function fromLocalMs(zone: string, local: number): number {
  const before = offsetMinutes(zone, local - DAY);
  const after = offsetMinutes(zone, local + DAY);
  const fits = [...new Set([before, after])]
    .map((o) => local - o * MINUTE)
    .filter((t) => offsetMinutes(zone, t) * MINUTE === local - t);
  return fits.length ? Math.min(...fits) : local - before * MINUTE;
}

export function fromWallTime(zone: string, w: WallTime): number {
  return fromLocalMs(zone, Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** The instant `minutes` after local midnight of `date` in `zone` (1440 = the next midnight). */
export function localMinutesToInstant(zone: string, date: string, minutes: number): number {
  const d = parseDate(date);
  if (!d) throw new RangeError(`not a date: ${date}`);
  return fromLocalMs(zone, Date.UTC(d.year, d.month - 1, d.day, 0, minutes));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-12-01T10:00:00+02:00. */
/**
 * A record's instant (createdAt, updatedAt, occurredAt …) as the API shows it everywhere:
 * UTC with milliseconds, 2026-11-27T09:26:41.427Z (docs/api.md "Time").
 */
export const instant = (stored: string): string => new Date(stored).toISOString();

export function formatInZone(zone: string, instant: number): string {
  const w = toWallTime(zone, instant);
  const offset = offsetMinutes(zone, instant);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The local date in `zone` at an instant. */
export function localDateOf(zone: string, instant: number): string {
  const w = toWallTime(zone, instant);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function realDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date 'YYYY-MM-DD', or null when it is malformed or does not exist (2026-02-30). */
export function parseDate(text: string): { year: number; month: number; day: number } | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDate(year, month, day) ? { year, month, day } : null;
}

/**
 * An instant from ISO 8601 with an offset ("2026-12-01T10:00:00+02:00", "…Z") or from a local
 * date-time without one ("2026-12-01 10:00:00", "2026-12-01T10:00"), read in `zone`.
 * Null when the text is malformed or names an impossible date or time.
 */
export function parseDateTime(text: string, zone: string): number | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (!realDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const offset = m[8];
  if (!offset) return fromLocalMs(zone, local);
  if (offset.toUpperCase() === 'Z') return local;
  const digits = offset.replace(':', '');
  const oh = Number(digits.slice(1, 3));
  const om = Number(digits.slice(3, 5));
  if (oh > 23 || om > 59) return null;
  return local - (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om) * MINUTE;
}

/** Day of the week of a local date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const d = parseDate(date);
  if (!d) throw new RangeError(`not a date: ${date}`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const d = parseDate(date);
  if (!d) throw new RangeError(`not a date: ${date}`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day + days)).toISOString().slice(0, 10);
}
