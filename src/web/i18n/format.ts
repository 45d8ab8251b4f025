// Numbers, dates and times for people: in the facility's time zone, in the interface language,
// with the digits the user chose. Pure functions over Intl, so they are tested without a browser.

export const LANGUAGES = ['en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Digits = 'latn' | 'arab';

export interface FormatSettings { language: Language; digits: Digits; timeZone: string }

// en-GB: day before month, as Sudanese forms write dates. ar-SD: Sudanese Arabic conventions.
const BASE_LOCALE: Record<Language, string> = { en: 'en-GB', ar: 'ar-SD' };

export const isLanguage = (value: unknown): value is Language => value === 'en' || value === 'ar';
export const directionOf = (language: Language): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');

/** The BCP 47 locale with the numbering system pinned, e.g. `ar-SD-u-nu-latn`. */
export function localeOf(s: Pick<FormatSettings, 'language' | 'digits'>): string {
  return `${BASE_LOCALE[s.language]}-u-nu-${s.digits}`;
}

export function formatNumber(value: number, s: Pick<FormatSettings, 'language' | 'digits'>, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(localeOf(s), options).format(value);
}

type Instant = string | number | Date;

function dateTime(value: Instant, s: FormatSettings, options: Intl.DateTimeFormatOptions): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(localeOf(s), { timeZone: s.timeZone, ...options }).format(date);
}

/** A moment's calendar date in the facility's time zone: "1 Dec 2026" / "١ ديسمبر ٢٠٢٦". */
export const formatDate = (value: Instant, s: FormatSettings) => dateTime(value, s, { day: 'numeric', month: 'short', year: 'numeric' });

// English shows the 24-hour clock clinical records use ("09:05"); Arabic its usual "9:05 ص".
const hour = (s: FormatSettings) => (s.language === 'en' ? '2-digit' : 'numeric');

/** A moment's clock time in the facility's time zone: "14:30" / "2:30 م". */
export const formatTime = (value: Instant, s: FormatSettings) => dateTime(value, s, { hour: hour(s), minute: '2-digit' });

export const formatDateTime = (value: Instant, s: FormatSettings) =>
  dateTime(value, s, { day: 'numeric', month: 'short', year: 'numeric', hour: hour(s), minute: '2-digit' });

/** A calendar date with no time (a birth date, `YYYY-MM-DD`): never shifted by a time zone. */
export function formatCalendarDate(value: string, s: Pick<FormatSettings, 'language' | 'digits'>): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return dateTime(`${value}T12:00:00Z`, { ...s, timeZone: 'UTC' }, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The zone's name in the interface language: "Central Africa Time" / "توقيت وسط أفريقيا". */
export function timeZoneName(s: FormatSettings): string {
  const parts = new Intl.DateTimeFormat(localeOf(s), { timeZone: s.timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? s.timeZone;
}

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Wraps a fragment (a Latin name, an MRN, a phone number) in Unicode first-strong isolates so it
 * keeps its own direction inside text of the other direction and does not reorder its neighbours.
 * For React elements use <bdi> (components/Bdi.tsx); this is for plain strings: titles, labels,
 * i18next interpolation values.
 */
export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}
