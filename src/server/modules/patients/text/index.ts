// Pure text normalisation for patient records: states, phones, national ids
// and name search keys. No I/O; safe to use anywhere.
export { SUDAN_STATES, SUDAN_STATE_CODES, isSudanState } from './sudan.ts';
export type { SudanState, SudanStateCode } from './sudan.ts';
export { normalisePhone, phoneSearchKey } from './phone.ts';
export { normaliseNationalId, toAsciiDigits } from './national-id.ts';
export { arabicKey, latinKey, nameTokens, normaliseArabic, normaliseLatin, queryTokens } from './names.ts';
