import { toAsciiDigits } from './national-id.ts';

// Search keys for patient names.
//
// Contract with the search layer: nameTokens(fullName) gives the keys stored
// for a patient; queryTokens(q) gives the keys of what the receptionist typed.
// A patient matches when every query key is a PREFIX of one of its stored
// keys. Arabic and Latin names are keyed separately (there is no
// transliteration between scripts); a patient with both spellings stores both.
//
// Latin keys are consonant skeletons, so the many spellings of one Arabic
// name (Mohamed, Muhammad, Mohammed…) share a key; Arabic keys are the
// spelling with hamza, diacritics and the other usual typing variants removed.

// ---------------------------------------------------------------- Arabic --

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
  // NFKC turns presentation forms (pasted from PDFs) into ordinary letters;
  // \p{Cf} drops zero-width joiners and direction marks.
  const folded = s
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(ARABIC_FOLDABLE, (c) => ARABIC_FOLD[c] ?? c)
    .replace(ARABIC_MARKS, '');
  return toAsciiDigits(folded).replace(/\s+/g, ' ').trim();
}

const ARABIC_ARTICLE = 'ال';

// The article is dropped so that "الفاتح" is found by "فاتح" too. The rest
// must keep at least 2 letters, so short words that merely start with ال
// keep their first letters.
export function arabicKey(token: string): string {
  const s = normaliseArabic(token).replace(/ /g, '');
  return s.startsWith(ARABIC_ARTICLE) && s.length >= ARABIC_ARTICLE.length + 2
    ? s.slice(ARABIC_ARTICLE.length)
    : s;
}

// ----------------------------------------------------------------- Latin --

// Apostrophes inside romanised Arabic mark an ayn or hamza (Sa'ad, Ma'moun);
// deleting them makes "Sa'ad" equal "Saad". Turning them into spaces would
// split the name in two.
const APOSTROPHES = /['’‘`´ʻʼʽʾʿ]/g;

export function normaliseLatin(s: string): string {
  // Apostrophes go first: NFKD would turn ´ into a space and an accent.
  return s
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// latinKey rules, applied to the name part with spaces removed:
//  1. "Abd" compounds: abd + optional connecting vowel and article (el, al,
//     ul, il…) become "abd" + the key of the rest: Abdelrahman, Abdulrahman,
//     Abd al-Rahman → abd+rhmn; Abdalla, Abdullah → abd+l.
//  2. A joined article al-/el- is dropped when a consonant follows (Elfatih →
//     fatih) or when a vowel follows and the rest still has 2 consonants
//     (Elamin → amin). Ali, Alaa, Elias keep theirs. NOT_ARTICLE lists names
//     whose al/el is part of the name.
//  3. Doubled letters collapse (Muhammad → muhamad); a final "ah" loses its h
//     (Fatimah, Abdallah, where the h is silent or dropped in spelling).
//  4. A word-initial vowel becomes its class: a → a; e, i → i; o, u → u. So
//     Osman = Usman, Ibrahim = Ebrahim, but Omar ≠ Amr, Iman ≠ Amna.
//  5. The first vowel after a consonant becomes "w" if it is an o or u, else
//     disappears (Mohamed → mw…, Hussein → hw…, while Mahmoud and Hassan have
//     none); every later vowel disappears, as y does after the first letter.
//     This keeps Mohamed ≠ Mahmoud and Hussein ≠ Hassan, while Yousif = Yusuf.
//  6. Consonants: th → s (Othman = Osman), q and j → g (Sudanese Siddig,
//     Gamal), k after a vowel at the end → g (Seddik = Siddig, Tarek = Tarig).
// Mohamed/Muhammad → mwhmd, Mahmoud → mhmd, Ahmed → ahmd, Hamid/Hamad → hmd.
const NOT_ARTICLE: ReadonlySet<string> = new Set(['elham', 'almaz']);

const ABD = /^abd(?:[aeiou]l|[aeiou]$)?/;
const VOWELS = 'aeiouy';
const INITIAL_VOWEL: Readonly<Record<string, string>> = { a: 'a', e: 'i', i: 'i', o: 'u', u: 'u' };

function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWELS.includes(c);
}

function stripArticle(word: string): string {
  if (!/^[ae]l/.test(word) || NOT_ARTICLE.has(word)) return word;
  const rest = word.slice(2);
  const consonants = [...rest].filter((c) => !isVowel(c)).length;
  return !isVowel(rest[0]) || consonants >= 2 ? rest : word;
}

// `complete` is false for the word the user is still typing: a trailing t may
// yet become th, and a trailing vowel + k may not stay final, so those
// letters are left out rather than encoded in a way the full word would not
// share.
function skeleton(word: string, complete: boolean): string {
  let w = word.replace(/(.)\1+/g, '$1');
  if (w.endsWith('ah')) w = w.slice(0, -1);
  if (!complete && /(?:t|[aeiouy]k)$/.test(w)) w = w.slice(0, -1);

  let out = '';
  let i = 0;
  let vowelSeen = false;
  const initial = INITIAL_VOWEL[w[0] ?? ''];
  if (initial) {
    out = initial;
    vowelSeen = true;
    while (isVowel(w[i])) i++;
  } else if (w[0] === 'y') {
    out = 'y'; // consonantal at the start: Yousif, Yasir
    i = 1;
  }
  while (i < w.length) {
    const c = w[i] ?? '';
    if (isVowel(c)) {
      const start = i;
      while (isVowel(w[i])) i++;
      if (!vowelSeen && /[ou]/.test(w.slice(start, i))) out += 'w';
      vowelSeen = true;
      continue;
    }
    if (c === 't' && w[i + 1] === 'h') {
      out += 's';
      i += 2;
      continue;
    }
    const finalK = c === 'k' && complete && i === w.length - 1 && isVowel(w[i - 1]);
    out += c === 'q' || c === 'j' || finalK ? 'g' : c;
    i++;
  }
  // A u-vowel next to a consonant w is one sound (Muawia).
  return out.replace(/w+/g, 'w');
}

function latinWordKey(word: string, complete: boolean): string {
  const abd = ABD.exec(word);
  if (abd) return 'abd' + skeleton(word.slice(abd[0].length), complete);
  return skeleton(stripArticle(word), complete);
}

export function latinKey(token: string): string {
  const word = normaliseLatin(token).replace(/ /g, '');
  return /^[ae]l$/.test(word) ? '' : latinWordKey(word, true);
}

// ----------------------------------------------------------- token lists --

interface Word {
  readonly arabic: boolean;
  readonly text: string; // already normalised for its script
}

// Runs of Arabic-script characters (letters, marks, tatweel, Arabic digits)
// versus everything else, so "Mohamed محمد" and even "Mohamedمحمد" split.
const SCRIPT_RUNS = /\p{scx=Arabic}+|\P{scx=Arabic}+/gu;

function words(text: string): Word[] {
  const out: Word[] = [];
  const runs = text.replace(/\p{Cf}/gu, '').match(SCRIPT_RUNS) ?? [];
  for (const run of runs) {
    const arabic = /\p{scx=Arabic}/u.test(run);
    const norm = arabic ? normaliseArabic(run).replace(/[^\p{L}\p{N}]+/gu, ' ') : normaliseLatin(run);
    for (const t of norm.split(' ')) if (t) out.push({ arabic, text: t });
  }
  return out;
}

const isAbd = (w: Word): boolean => (w.arabic ? w.text === 'عبد' : /^abd(?:[aeiou]l)?$/.test(w.text));
const isArticle = (w: Word): boolean => (w.arabic ? w.text === ARABIC_ARTICLE : /^[aeiu]l$/.test(w.text));

// "Abd" (servant of) always belongs to the following name, however it was
// spaced: Abd al-Rahman, Abdel Rahman and Abdelrahman are one name part.
// A separate article (El Fatih) is dropped, as a joined one is stripped from
// the key. Abu stays a word of its own: "Abu Bakr" keys ab + bkr, so a search
// for "Bakr" still finds it.
function joinNameParts(list: readonly Word[]): Word[] {
  const out: Word[] = [];
  let abd: Word | null = null; // an Abd still waiting for its name
  let joined = '';
  for (const w of list) {
    if (abd && w.arabic === abd.arabic && !isAbd(w)) {
      joined += w.text;
      if (isArticle(w)) continue;
      out.push({ arabic: w.arabic, text: joined });
      abd = null;
      continue;
    }
    if (abd) out.push(abd); // nothing to join with: keep it as it is
    abd = isAbd(w) ? w : null;
    joined = w.text;
    if (!abd && !isArticle(w)) out.push(w);
  }
  if (abd) out.push(abd);
  return out;
}

function wordKey(w: Word, complete: boolean): string {
  if (w.arabic) {
    if (complete) return arabicKey(w.text);
    // Still typing: "ا" and "ال" may be the start of an article that the
    // stored key no longer has, so they constrain nothing yet.
    if (w.text === 'ا' || w.text === ARABIC_ARTICLE) return '';
    return w.text.startsWith(ARABIC_ARTICLE) ? w.text.slice(ARABIC_ARTICLE.length) : w.text;
  }
  if (!complete && (w.text === 'a' || w.text === 'e')) return '';
  return latinWordKey(w.text, complete);
}

function keys(text: string, lastIsPartial: boolean): string[] {
  const parts = joinNameParts(words(text));
  const out = parts.map((w, i) => wordKey(w, !(lastIsPartial && i === parts.length - 1)));
  return [...new Set(out)].filter((k) => k !== '');
}

// Keys stored for a full name, in either script or both.
export function nameTokens(text: string): string[] {
  return keys(text, true);
}

// Keys for a search box query. Unless the query ends in whitespace, its last
// word is taken as unfinished and keyed so that, for a name part typed in the
// stored spelling, the key of every prefix is a prefix of the stored key
// ("Muham" → mwhm, a prefix of Mohamed's mwhmd; "احم" of "أحمد"). Prefixes
// too short to decide anything ("a", "el", "ا", "ال", a lone "t") give no key
// and so match everything. Known gaps: a joined article before a vowel is
// only recognised once two consonants follow ("Elam" → ilm, not a prefix of
// Elamin's amn), and NOT_ARTICLE names while still being typed ("Elha").
export function queryTokens(q: string): string[] {
  return keys(q, !/\s$/.test(q));
}
