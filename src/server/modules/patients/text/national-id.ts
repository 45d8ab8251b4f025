// Sudan's national number (الرقم الوطني) is 11 digits. Clerks copy it from
// cards printed in either script, so both Arabic digit sets are accepted.

// U+0660–0669 (Arabic-Indic, used in Sudan) and U+06F0–06F9 (Eastern
// Arabic-Indic, what Persian/Urdu keyboard layouts produce). Shared with the
// phone and name normalisers.
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

// Digits, optionally grouped by spaces or dashes (any dash: en dashes come
// in from word processors); nothing else before, after or between.
const GROUPED_DIGITS = /^\d(?:[\s\p{Pd}]*\d)*$/u;

export function normaliseNationalId(input: string): string | null {
  const s = toAsciiDigits(input).trim();
  if (!GROUPED_DIGITS.test(s)) return null;
  const digits = s.replace(/\D/g, '');
  return digits.length === 11 ? digits : null;
}
