// SMS length rules. Text that fits the GSM 03.38 alphabet goes as GSM-7: 160 characters in one
// message, 153 per part once split (the rest of each part is the concatenation header); the
// extension characters (€ [ ] { } ^ ~ | \ and form feed) take two. Anything else — Arabic — goes as
// UCS-2: 70 UTF-16 units in one message, 67 per part.
export type SmsEncoding = 'gsm7' | 'ucs2';

const GSM_BASIC = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');
const GSM_EXTENDED = new Set('\f^{}\\[~]|€');

export const LIMITS = { gsm7: { single: 160, part: 153 }, ucs2: { single: 70, part: 67 } } as const;

export function encodingOf(text: string): SmsEncoding {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENDED.has(ch)) return 'ucs2';
  return 'gsm7';
}

/** Length in the encoding's units: GSM-7 septets, or UTF-16 code units for UCS-2. */
export function unitsOf(text: string, encoding: SmsEncoding): number {
  if (encoding === 'ucs2') return text.length;
  let n = 0;
  for (const ch of text) n += GSM_EXTENDED.has(ch) ? 2 : 1;
  return n;
}

export function segmentsOf(units: number, encoding: SmsEncoding): number {
  const l = LIMITS[encoding];
  return units <= l.single ? 1 : Math.ceil(units / l.part);
}

export interface SmsText { text: string; encoding: SmsEncoding; segments: number; truncated: boolean }

/**
 * The text as sent: cut at a character boundary, with "…", when it would take more than
 * maxSegments parts (a gateway charges per part, and a reminder that long is a template bug).
 */
export function fitSms(text: string, maxSegments: number): SmsText {
  const encoding = encodingOf(text);
  const units = unitsOf(text, encoding);
  if (segmentsOf(units, encoding) <= maxSegments) return { text, encoding, segments: segmentsOf(units, encoding), truncated: false };
  const l = LIMITS[encoding];
  const limit = maxSegments === 1 ? l.single : maxSegments * l.part;
  const ellipsis = encoding === 'ucs2' ? '…' : '...'; // "…" is not in the GSM alphabet
  const room = limit - unitsOf(ellipsis, encoding);
  let out = '';
  let used = 0;
  for (const ch of text) {
    const u = unitsOf(ch, encoding);
    if (used + u > room) break;
    out += ch;
    used += u;
  }
  const fitted = out + ellipsis;
  return { text: fitted, encoding, segments: segmentsOf(unitsOf(fitted, encoding), encoding), truncated: true };
}
