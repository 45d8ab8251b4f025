// The search keys of a patient's name, and the index range that finds keys by prefix.
import type { PatientTable } from './patients.table.ts';
import { nameTokens } from './text/names.ts';
import { NAME_FIELDS } from './patient-input.ts';

/** The key column's width. Query tokens are clipped the same way, so a long prefix still matches. */
export const MAX_KEY_LENGTH = 64;

export function clipKey(key: string): string {
  const chars = [...key];
  return chars.length > MAX_KEY_LENGTH ? chars.slice(0, MAX_KEY_LENGTH).join('') : key;
}

/**
 * The keys stored for a patient: every name part keyed on its own (an "Abd" joins the name after it
 * only within one part), both scripts, without repeats.
 */
export function patientNameKeys(row: Pick<PatientTable, (typeof NAME_FIELDS)[number][1]>): string[] {
  const keys = new Set<string>();
  for (const [, column] of NAME_FIELDS) {
    const part = row[column];
    if (part) for (const key of nameTokens(part)) keys.add(clipKey(key));
  }
  return [...keys];
}

/**
 * The smallest string greater than every string that starts with `prefix`, in code point order —
 * which is the byte order of UTF-8 and so the order of the byte-wise collations every dialect
 * uses for the key column (binaryText). `key >= prefix AND key < prefixEnd(prefix)` is then an
 * index range holding exactly the keys that start with prefix. Incrementing the last code point
 * is exact where appending U+FFFF would miss keys continuing with characters above it. Null when
 * there is no upper bound (a prefix made only of U+10FFFF).
 */
export function prefixEnd(prefix: string): string | null {
  const chars = [...prefix];
  while (chars.length > 0) {
    const last = chars.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      const next = last + 1 === 0xd800 ? 0xe000 : last + 1; // skip the surrogate range, not characters
      return chars.join('') + String.fromCodePoint(next);
    }
  }
  return null;
}
