// Arabic names keyed in the Latin key space (latin.ts), so "Fatima" finds "فاطمة" and an Arabic
// registration is recognised as the same person as a Latin one.
//
// An Arabic word is spelled out in Latin letters the way Sudanese records usually write it, and
// that spelling goes through the same consonant skeleton as a typed Latin name. Arabic leaves
// short vowels unwritten, and the skeleton keeps one of them: an o/u right after the first
// consonant (Mohamed → mwhmd, Mahmoud → mhmd). Where the letters cannot tell, both spellings are
// keyed ("*" below: a or u); names whose vowels or usual spelling the letters cannot give are
// listed in arabic-names.ts and keyed from their Latin spellings instead (محمد is only Mohamed).
import { latinWordKey, normaliseLatin, skeleton } from './latin.ts';
import { normaliseArabic, withoutArticle } from './arabic.ts';
import { KNOWN_NAMES } from './arabic-names.ts';

const CONSONANTS: Readonly<Record<string, string>> = {
  'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'z', 'ر': 'r',
  'ز': 'z', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'غ': 'gh', 'ف': 'f',
  'ق': 'q', 'ك': 'k', 'ک': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h',
  'پ': 'p', 'چ': 'ch', 'ڤ': 'v', 'گ': 'g',
};
// Ayn and a lone hamza have no letter in Sudanese Latin spellings (Saad, Ismail, Israa).
const SILENT = new Set(['ع', 'ء']);
const LONG_A = new Set(['ا', 'أ', 'آ', 'ٱ', 'ى']);
const LONG_U = new Set(['و', 'ؤ']);
const LONG_I = new Set(['ي', 'ئ', 'ی', 'إ']);
const TA_MARBUTA = 'ة';

const isVowelLetter = (c: string | undefined) => c !== undefined && (LONG_A.has(c) || LONG_U.has(c) || LONG_I.has(c) || c === TA_MARBUTA);
const isConsonant = (c: string | undefined) => c !== undefined && (c in CONSONANTS || SILENT.has(c));

/** The unwritten vowel after the first consonant: a (or i) leaves no trace in the key, o/u a "w". */
const UNKNOWN_VOWEL = '*';
const UNKNOWN_VOWEL_SPELLINGS = ['a', 'u'];

/** How a word that starts with a vowel may begin in Latin (Ahmed, Ibrahim, Omar, Abbas, Imad…). */
function initialVowels(first: string, next: string | undefined): string[] {
  if (first === 'إ') return ['i'];
  if (first === 'أ' || first === 'آ') return ['a'];
  if (first === 'ع') return next !== undefined && LONG_I.has(next) ? ['i'] : next !== undefined && LONG_A.has(next) ? ['a'] : ['a', 'i', 'u'];
  return ['a', 'i']; // a bare alef: the hamza that would tell was not typed
}

/** Latin spellings of one Arabic word (no article), "*" marking an unknown vowel. */
function spelling(word: string, complete: boolean): { text: string; starts: string[] } {
  const letters = [...word.replace(/(.)\1+/gu, '$1')];
  let i = 0;
  let starts = [''];
  let text = '';
  if (letters[0] !== undefined && (LONG_A.has(letters[0]) || letters[0] === 'إ' || letters[0] === 'ع')) {
    starts = initialVowels(letters[0], letters[1]);
    i = 1;
    while (letters[i] !== undefined && (LONG_A.has(letters[i]!) || (LONG_I.has(letters[i]!) && letters[i] !== 'إ'))) i++;
  } else if (letters[0] === 'ي' || letters[0] === 'ی' || letters[0] === 'و') {
    text = letters[0] === 'و' ? 'w' : 'y';
    i = 1;
    text += afterFirstConsonant(letters[1], letters[2]);
    if (letters[1] !== undefined && isVowelLetter(letters[1])) i = 2;
  }
  for (; i < letters.length; i++) {
    const c = letters[i]!;
    const prev = letters[i - 1];
    const next = letters[i + 1];
    const last = i === letters.length - 1;
    if (c in CONSONANTS) {
      // A final h after a consonant is the "ah" of Abdallah; a final k after one had a vowel before it (Malik).
      // Still typing, a last ه may be the ة of فاطمه typed without its dots, or the start of more.
      if (c === 'ه' && !complete && last && i > 1) continue;
      if (c === 'ه' && complete && last && i > 1 && isConsonant(prev)) text += 'ah';
      else text += (c === 'ك' && complete && last && isConsonant(prev) ? 'i' : '') + CONSONANTS[c];
      if (i === 0) {
        text += afterFirstConsonant(next, letters[i + 2]);
        if (isVowelLetter(next)) i++;
      } else if ((c === 'ت' || c === 'ط') && (next === 'ح' || next === 'ه')) {
        text += 'i'; // t then h would read as "th": Fatih is spelled with a vowel between them
      }
    } else if (SILENT.has(c)) {
      if (i === 0) text += UNKNOWN_VOWEL;
    } else if (LONG_U.has(c)) {
      // A consonant beside a vowel or an ayn (Marwa, Dawood, Awad); else a long u (Mahmoud).
      text += isVowelLetter(prev) || isVowelLetter(next) || SILENT.has(prev ?? '') ? 'w' : 'u';
    } else if (c === TA_MARBUTA) {
      text += prev === 'ا' ? 'at' : 'a'; // Najat, Hayat; elsewhere a silent final a (Fatima)
    } else {
      text += LONG_A.has(c) ? 'a' : 'i';
    }
  }
  return { text, starts };
}

/** The vowel after a word's first consonant, spelled so that the skeleton keeps what it should. */
function afterFirstConsonant(next: string | undefined, afterNext: string | undefined): string {
  if (next === undefined) return '';
  if (LONG_U.has(next)) return isVowelLetter(afterNext) ? 'w' : 'u';
  if (LONG_A.has(next) || next === TA_MARBUTA) return 'a';
  if (LONG_I.has(next)) return 'i';
  return UNKNOWN_VOWEL;
}

function ruleKeys(word: string, complete: boolean): string[] {
  const { text, starts } = spelling(word, complete);
  const keys = new Set<string>();
  for (const start of starts) {
    for (const vowel of text.includes(UNKNOWN_VOWEL) ? UNKNOWN_VOWEL_SPELLINGS : ['']) {
      const key = skeleton(start + text.replace(UNKNOWN_VOWEL, vowel), complete, true);
      if (key) keys.add(key);
    }
  }
  return [...keys];
}

const KNOWN: ReadonlyMap<string, readonly string[]> = new Map(KNOWN_NAMES.map(([arabic, ...latin]) => [
  withoutArticle(normaliseArabic(arabic).replace(/ /g, '')),
  latin.map((l) => normaliseLatin(l).replace(/ /g, '')),
]));

function wordKeys(word: string, complete: boolean): string[] {
  const known = KNOWN.get(withoutArticle(normaliseArabic(word)));
  // Keyed as if the Latin spelling had been typed, so it meets that spelling's every variant.
  if (known) return [...new Set(known.map((latin) => latinWordKey(latin, complete)).filter(Boolean))];
  return ruleKeys(withoutArticle(word), complete);
}

const ABD = 'عبد';

/**
 * Latin-space keys of one Arabic name part: `word` has its marks removed but its letters as typed
 * (arabic.ts, unmarkedArabic), and an Abd compound arrives joined (عبدالرحمن). One key for most
 * names, up to three where the letters leave a vowel open. `complete` is false for a word still
 * being typed.
 */
export function transliterationKeys(word: string, complete = true): string[] {
  if (word.startsWith(ABD) && word.length > ABD.length) {
    const rest = withoutArticle(word.slice(ABD.length));
    // Abdu, Abdo (عبده): nothing after Abd but a vowel.
    if (rest.length < 2) return ['abd'];
    return wordKeys(rest, complete).map((k) => `abd${k}`);
  }
  return wordKeys(word, complete);
}

/** The Latin-space keys of the name after Abd in an Abd compound (الرحمن of عبد الرحمن), if any. */
export function abdRestTransliterations(word: string, complete = true): string[] {
  if (!word.startsWith(ABD)) return [];
  const rest = withoutArticle(word.slice(ABD.length));
  return rest.length < 2 ? [] : wordKeys(rest, complete);
}
