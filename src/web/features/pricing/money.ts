// Money and percentages as typed by staff, to and from the API's integers: amounts in minor units
// (piastres, cents), coverage in basis points. Parsed from the text, never through floating point,
// so "1500.10" is exactly 150010. Arabic-Indic digits are read like Latin ones.

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const latinDigits = (text: string) => text.replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10)).replace(/[\u066B]/g, '.').replace(/[,\u066C\s]/g, '');

/** The server's bound on a price (money.ts MAX_UNIT_PRICE). */
export const MAX_PRICE = 1_000_000_000;

/** "1,500.5" → 150050; null when it is not an amount with at most two decimals within the bound. */
export function parseMoney(text: string): number | null {
  const m = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(latinDigits(text.trim()));
  if (!m) return null;
  const minor = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return minor <= MAX_PRICE ? minor : null;
}

/** 150050 → "1500.50" (for putting back into an input). */
export function moneyText(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

/** "12.5" (percent) → 1250 basis points; null unless 0–100 with at most two decimals. */
export function parsePercent(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(latinDigits(text.trim()));
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10000 ? bp : null;
}

/** 1250 → "12.5", 8000 → "80". */
export function percentText(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}
