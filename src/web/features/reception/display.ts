// Identifiers and places as people read them. Phone numbers are stored in E.164 (+249912345678);
// reception reads them grouped. State codes become the state's name in the interface language.
// Pure (display.test.ts).
import { normalisePhone, SUDAN_STATES } from '../../../server/modules/patients/text/index.ts';

/** "+249 912 345 678" for a Sudanese number (typed in any form the API accepts); other numbers as stored. */
export function formatPhone(phone: string): string {
  const e164 = normalisePhone(phone);
  if (!e164) return phone.trim();
  const m = /^\+249(\d{3})(\d{3})(\d{3})$/.exec(e164);
  return m ? `+249 ${m[1]} ${m[2]} ${m[3]}` : e164;
}

export function stateName(code: string | null | undefined, language: 'ar' | 'en'): string {
  if (!code) return '';
  return SUDAN_STATES.find((s) => s.code === code)?.[language] ?? code;
}

/** The 18 states for a picker, in the order of the API's list. */
export function stateOptions(language: 'ar' | 'en'): { value: string; label: string }[] {
  return SUDAN_STATES.map((s) => ({ value: s.code, label: s[language] }));
}
