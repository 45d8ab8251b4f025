// Money on screen. The API counts integer minor units (piastres, cents; docs/decisions/0025); people
// type and read major units with two decimals. Both directions work on the decimal text, never on
// floating point: "12.30" is 1230 exactly, and 1230 is shown from the string "12.30".
import { localeOf, type FormatSettings } from '../../i18n/format.ts';

/** The largest amount typed on screen (major units), far inside exact integers once in minor units. */
export const MAX_MAJOR_DIGITS = 12;

const ARABIC_INDIC = /[\u0660-\u0669]/g; // ٠–٩
const PERSIAN = /[\u06F0-\u06F9]/g; // ۰–۹, which some phone keyboards type

export type ParsedAmount = { ok: true; minor: number } | { ok: false; problem: 'empty' | 'format' | 'decimals' | 'tooLarge' };

/** "1,250.5", "١٬٢٥٠٫٥" → 125050. Thousands separators are dropped; at most two decimals. */
export function parseAmount(text: string): ParsedAmount {
  const normal = text.trim()
    .replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(PERSIAN, (d) => String(d.charCodeAt(0) - 0x06F0))
    .replace(/\u066B/g, '.') // Arabic decimal separator
    .replace(/[,\u066C\s]/g, ''); // thousands separators
  if (normal === '') return { ok: false, problem: 'empty' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(normal);
  if (!match) return { ok: false, problem: 'format' };
  const [, whole, fraction = ''] = match;
  if (fraction.length > 2) return { ok: false, problem: 'decimals' };
  const digits = whole!.replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_MAJOR_DIGITS) return { ok: false, problem: 'tooLarge' };
  // Concatenating the digits is the multiplication by 100, done on text.
  return { ok: true, minor: Number(`${digits}${fraction.padEnd(2, '0')}`) };
}

/** 125050 → "1250.50"; −500 → "-5.00". Integer division on integers only. */
export function minorToDecimal(minor: number): `${number}` {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not a whole number of minor units: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` as `${number}`;
}

/** "SDG 1,250.50" / "١٬٢٥٠٫٥٠ ج.س.‏" — the currency's code or symbol as the language writes it, the user's digits. */
export function formatMoney(minor: number, currency: string, s: Pick<FormatSettings, 'language' | 'digits'>): string {
  return new Intl.NumberFormat(localeOf(s), { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minorToDecimal(minor));
}

/** The value for an amount field: "1250.50" (what parseAmount reads back to the same number). */
export const amountText = (minor: number): string => minorToDecimal(minor);
