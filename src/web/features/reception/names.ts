// How a patient's name is shown: in the script of the interface when the record has it, with the
// other script beside it (issue 8). Sudanese names have four parts — own, father's, grandfather's,
// family — and a record may hold them in Arabic, in Latin letters, or both. Pure, so it is
// unit-tested without a browser (names.test.ts).

export interface NameFields {
  firstName?: string | null; fatherName?: string | null; grandfatherName?: string | null; lastName?: string | null;
  firstNameAr?: string | null; fatherNameAr?: string | null; grandfatherNameAr?: string | null; lastNameAr?: string | null;
}

/** A name in one script, with what the element showing it needs: `lang`, and `dir` so it is laid out in its own direction. */
export interface ScriptName { text: string; lang: 'ar' | 'en'; dir: 'rtl' | 'ltr' }

export interface PatientNameDisplay {
  /** In the interface's script when the record has the name in it, else in the other. */
  primary: ScriptName;
  /** The name in the other script, when the record has both. */
  secondary: ScriptName | null;
}

/** The parts in order, each with its spaces collapsed, empty ones left out. */
export function joinName(parts: readonly (string | null | undefined)[]): string {
  return parts.map((p) => (p ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
}

export const latinName = (n: NameFields) => joinName([n.firstName, n.fatherName, n.grandfatherName, n.lastName]);
export const arabicName = (n: NameFields) => joinName([n.firstNameAr, n.fatherNameAr, n.grandfatherNameAr, n.lastNameAr]);

const inScript = (text: string, lang: 'ar' | 'en'): ScriptName => ({ text, lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });

export function patientName(n: NameFields, language: 'ar' | 'en'): PatientNameDisplay {
  const names = { ar: arabicName(n), en: latinName(n) };
  const other = language === 'ar' ? 'en' : 'ar';
  const first = names[language] ? language : other;
  const second = first === language ? other : language;
  return {
    primary: inScript(names[first], first),
    secondary: names[second] ? inScript(names[second], second) : null,
  };
}

/**
 * One line for places that take plain text (an accessible name, a confirmation sentence): the
 * primary name, then the other script in parentheses. Each part is wrapped in Unicode isolates so
 * an Arabic name inside English text (or the reverse) does not reorder what surrounds it.
 */
export function patientNameLine(n: NameFields, language: 'ar' | 'en'): string {
  const { primary, secondary } = patientName(n, language);
  const isolate = (s: string) => `\u2068${s}\u2069`;
  return secondary ? `${isolate(primary.text)} (${isolate(secondary.text)})` : isolate(primary.text);
}
