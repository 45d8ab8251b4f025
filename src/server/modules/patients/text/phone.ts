import { toAsciiDigits } from './national-id.ts';

// Phone numbers are stored in E.164 so one patient's number matches however
// it was typed. Sudanese numbers get full validation (country code 249 plus a
// 9-digit national significant number: mobiles 9x/1x, landlines such as
// Khartoum 183 and six digits); foreign numbers are accepted only in international
// form, since we cannot know their national rules.

const SUDAN_CC = '249';

// Separators people type or paste: spaces, any dash, dots, parentheses, and
// the invisible direction marks Arabic interfaces wrap around numbers.
const SEPARATORS = /[\s\p{Pd}.()\p{Cf}]/gu;

function sudanese(nsn: string): string | null {
  return /^[1-9]\d{8}$/.test(nsn) ? `+${SUDAN_CC}${nsn}` : null;
}

export function normalisePhone(input: string): string | null {
  const s = toAsciiDigits(input).replace(SEPARATORS, '');
  const m = /^(\+|00)?(\d+)$/.exec(s);
  if (!m) return null;
  const [, prefix, digits = ''] = m;

  if (prefix) {
    // International form: +249… or 00249… must carry a valid Sudanese
    // number; any other country code just has to fit E.164.
    if (digits.startsWith(SUDAN_CC)) return sudanese(digits.slice(SUDAN_CC.length));
    return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
  }
  // Without + or 00 only Sudanese forms are recognised, told apart by length:
  // 0 + 9 digits (trunk prefix), 9 bare digits, or 249 + 9 digits.
  if (digits.length === 10 && digits.startsWith('0')) return sudanese(digits.slice(1));
  if (digits.length === 9) return sudanese(digits);
  if (digits.length === 12 && digits.startsWith(SUDAN_CC)) return sudanese(digits.slice(SUDAN_CC.length));
  return null;
}

// The search box takes names, phone numbers and ids in one field. A query is
// used as a phone lookup only when it is a complete number; the key is the
// same E.164 string that normalisePhone stored, so the lookup is an equality
// match. Partial numbers return null and fall through to other matching.
export function phoneSearchKey(query: string): string | null {
  return normalisePhone(query);
}
