// Arabic name keys: the spelling with hamza, diacritics and the other usual typing variants
// folded away, so "أحمد", "احمد" and "أَحْمَد" share one key.
import { toAsciiDigits } from './national-id.ts';

// Tashkeel (U+064B–065F, which includes the combining hamza and madda of
// decomposed أ/إ/آ/ؤ/ئ), superscript alef, tatweel.
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/g;

// Letters people type interchangeably. ی and ک are the Persian code points
// that some keyboards emit for ي and ك; they look identical on screen.
const ARABIC_FOLD: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
  'ة': 'ه', 'ى': 'ي', 'ؤ': 'و', 'ئ': 'ي',
  'ی': 'ي', 'ک': 'ك',
};
const ARABIC_FOLDABLE = new RegExp(`[${Object.keys(ARABIC_FOLD).join('')}]`, 'g');

export function normaliseArabic(s: string): string {
  return unmarkedArabic(s).replace(ARABIC_FOLDABLE, (c) => ARABIC_FOLD[c] ?? c);
}

/**
 * The text with marks, tatweel and invisible characters removed but the letters as typed: hamza
 * seats and ة kept. Transliteration needs them (إ is "i", أ "a"; ة is a final "a"). Folding maps
 * letters to letters one for one, so this and normaliseArabic split into the same words.
 */
export function unmarkedArabic(s: string): string {
  // NFKC turns presentation forms (pasted from PDFs) into ordinary letters and composes a
  // decomposed hamza (alef + U+0654) into أ; \p{Cf} drops zero-width joiners and direction marks.
  const letters = s
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(ARABIC_MARKS, '');
  return toAsciiDigits(letters).replace(/\s+/g, ' ').trim();
}

export const ARABIC_ARTICLE = 'ال';

// The article is dropped so that "الفاتح" is found by "فاتح" too. The rest
// must keep at least 2 letters, so short words that merely start with ال
// keep their first letters.
export function arabicKey(token: string): string {
  return withoutArticle(normaliseArabic(token).replace(/ /g, ''));
}

/** The word without a leading ال, when at least 2 letters remain (folded or not: ال is the same). */
export function withoutArticle(word: string): string {
  return word.startsWith(ARABIC_ARTICLE) && word.length >= ARABIC_ARTICLE.length + 2
    ? word.slice(ARABIC_ARTICLE.length)
    : word;
}

