// An amount of money in words, Arabic and English, as receipts and cheques write it ("fifty pounds
// only"). Pure and integer-only: the amount arrives in minor units (piastres, cents).
//
// Arabic follows the counted-noun grammar (العدد والمعدود) for masculine nouns (جنيه، قرش، ألف…):
//   1 → noun + واحد (جنيه واحد); 2 → the dual (جنيهان); 3–10 → the number in its ة form + plural
//   (ثلاثة جنيهات); 11–99 → singular accusative (أحد عشر جنيهًا); a round hundred, thousand… → the
//   singular genitive, the number in construct (مائة جنيه، مائتا جنيه، ألفا جنيه، أحد عشر ألف جنيه).
//   The noun follows the last two digits (1,250 → خمسون جنيهًا); ending in 01/02 over a hundred, the
//   classical form: مائة جنيه وجنيه واحد. "مائة" is written with the alif, as Sudanese cheques do.
import type { Currency } from './money.ts';

interface Noun { one: string; two: string; plural: string; accusative: string }
interface CurrencyNames { major: Noun; minor: Noun; en: { major: [string, string]; minor: [string, string] } }

const n = (one: string, two: string, plural: string, accusative: string): Noun => ({ one, two, plural, accusative });

export const CURRENCY_NAMES: Record<Currency, CurrencyNames> = {
  SDG: { major: n('جنيه', 'جنيهان', 'جنيهات', 'جنيهًا'), minor: n('قرش', 'قرشان', 'قروش', 'قرشًا'), en: { major: ['Sudanese pound', 'Sudanese pounds'], minor: ['piastre', 'piastres'] } },
  USD: { major: n('دولار', 'دولاران', 'دولارات', 'دولارًا'), minor: n('سنت', 'سنتان', 'سنتات', 'سنتًا'), en: { major: ['US dollar', 'US dollars'], minor: ['cent', 'cents'] } },
};

const AR_SCALES = [n('ألف', 'ألفان', 'آلاف', 'ألفًا'), n('مليون', 'مليونان', 'ملايين', 'مليونًا'), n('مليار', 'ملياران', 'مليارات', 'مليارًا'), n('تريليون', 'تريليونان', 'تريليونات', 'تريليونًا')];
const AR_ONES = ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة'];
const AR_TEENS = ['', 'أحد عشر', 'اثنا عشر'];
const AR_TENS = ['', 'عشرة', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];
const AR_HUNDREDS = ['', 'مائة', 'مائتان', 'ثلاثمائة', 'أربعمائة', 'خمسمائة', 'ستمائة', 'سبعمائة', 'ثمانمائة', 'تسعمائة'];
const AND = ' و';

/** The largest whole amount (in major units) either language spells: below a quadrillion. */
const MAX_MAJOR = 1e15 - 1;

function arBelow100(v: number): string {
  if (v <= 10) return AR_ONES[v]!;
  if (v < 20) return v <= 12 ? AR_TEENS[v - 10]! : `${AR_ONES[v - 10]} عشر`;
  const ones = v % 10;
  return ones === 0 ? AR_TENS[v / 10]! : `${AR_ONES[ones]}${AND}${AR_TENS[Math.floor(v / 10)]}`;
}

function arBelow1000(v: number): string {
  const parts = [AR_HUNDREDS[Math.floor(v / 100)]!, arBelow100(v % 100)].filter(Boolean);
  return parts.join(AND);
}

/**
 * A number directly before its counted noun is in construct (إضافة): a dual loses its ن (مائتا
 * جنيه، ألفا جنيه) and a scale word its tanween (أحد عشر ألف جنيه).
 */
const construct = (words: string): string => words
  .replace(/(مائتان|ألفان|مليونان|ملياران|تريليونان)$/, (w) => w.slice(0, -1))
  .replace(/(ألف|مليون|مليار|تريليون)\u064Bا$/, '$1');

/** `v` (≥ 1) of a masculine noun. `bare1` writes 1 as the noun alone (ألف), not "جنيه واحد". */
function arCounted(v: number, noun: Noun, bare1: boolean): string {
  if (v === 1) return bare1 ? noun.one : `${noun.one} واحد`;
  if (v === 2) return noun.two;
  const r = v % 100;
  if (r >= 3 && r <= 10) return `${arNumber(v)} ${noun.plural}`;
  if (r >= 11) return `${arNumber(v)} ${noun.accusative}`;
  if (r === 0) return `${construct(arNumber(v))} ${noun.one}`;
  return `${construct(arNumber(v - r))} ${noun.one}${AND}${arCounted(r, noun, bare1)}`;
}

/** A whole number 1 ≤ v < 10^15 in Arabic words (masculine counting forms). */
export function arNumber(v: number): string {
  const groups: string[] = [];
  for (let scale = AR_SCALES.length; scale >= 0; scale--) {
    const g = Math.floor(v / 1000 ** scale) % 1000;
    if (g === 0) continue;
    groups.push(scale === 0 ? arBelow1000(g) : arCounted(g, AR_SCALES[scale - 1]!, true));
  }
  return groups.join(AND);
}

function split(minor: number): [number, number] {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`An amount must be a whole number of minor units, not ${minor}`);
  const abs = Math.abs(minor);
  const major = Math.floor(abs / 100);
  if (major > MAX_MAJOR) throw new RangeError(`${minor} is too large to write in words`);
  return [major, abs % 100];
}

/** An amount in Arabic words: 125050 SDG → "ألف ومائتان وخمسون جنيهًا وخمسون قرشًا". The sign is the caller's to say. */
export function arabicAmountWords(minor: number, currency: Currency): string {
  const [major, sub] = split(minor);
  const names = CURRENCY_NAMES[currency];
  if (major === 0 && sub === 0) return `صفر ${names.major.one}`;
  const parts = [major > 0 ? arCounted(major, names.major, false) : '', sub > 0 ? arCounted(sub, names.minor, false) : ''].filter(Boolean);
  return parts.join(AND);
}

const EN_ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES = ['', 'thousand', 'million', 'billion', 'trillion'];

function enBelow1000(v: number): string {
  const h = Math.floor(v / 100);
  const r = v % 100;
  const rest = r < 20 ? EN_ONES[r]! : `${EN_TENS[Math.floor(r / 10)]}${r % 10 ? `-${EN_ONES[r % 10]}` : ''}`;
  return [h ? `${EN_ONES[h]} hundred` : '', rest].filter(Boolean).join(' ');
}

/** A whole number 1 ≤ v < 10^15 in English words ("one thousand two hundred fifty"). */
export function enNumber(v: number): string {
  const groups: string[] = [];
  for (let scale = EN_SCALES.length - 1; scale >= 0; scale--) {
    const g = Math.floor(v / 1000 ** scale) % 1000;
    if (g) groups.push(scale ? `${enBelow1000(g)} ${EN_SCALES[scale]}` : enBelow1000(g));
  }
  return groups.join(' ');
}

/** An amount in English words: 125050 SDG → "one thousand two hundred fifty Sudanese pounds and fifty piastres". */
export function englishAmountWords(minor: number, currency: Currency): string {
  const [major, sub] = split(minor);
  const names = CURRENCY_NAMES[currency].en;
  const of = (v: number, [one, many]: [string, string]) => `${v === 0 ? 'zero' : enNumber(v)} ${v === 1 ? one : many}`;
  if (sub === 0) return of(major, names.major);
  return major === 0 ? of(sub, names.minor) : `${of(major, names.major)} and ${of(sub, names.minor)}`;
}

/** Minor units as figures with thousands separators: 125050 → "1,250.50" (the sign kept). */
export function formatAmount(minor: number): string {
  const [major, sub] = split(minor);
  return `${minor < 0 ? '-' : ''}${major.toLocaleString('en-US')}.${String(sub).padStart(2, '0')}`;
}
