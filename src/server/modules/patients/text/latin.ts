// Latin name keys: consonant skeletons, so the many spellings of one Arabic name (Mohamed,
// Muhammad, Mohammed…) share a key. Transliterated Arabic names are keyed here too
// (transliterate.ts), so both scripts meet in one key space.

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

export const ABD = /^abd(?:[aeiou]l|[aeiou]$)?/;
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
// share. Exported for spellings transliterated from Arabic (no article left),
// whose t is a letter of its own (`transliterated`): it never becomes th.
export function skeleton(word: string, complete: boolean, transliterated = false): string {
  let w = word.replace(/(.)\1+/g, '$1');
  if (w.endsWith('ah')) w = w.slice(0, -1);
  if (!complete && (transliterated ? /[aeiouy]k$/ : /(?:t|[aeiouy]k)$/).test(w)) w = w.slice(0, -1);

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

/** The key of one normalised Latin word; `complete` is false for a word still being typed. */
export function latinWordKey(word: string, complete: boolean): string {
  const abd = ABD.exec(word);
  if (abd) return 'abd' + skeleton(word.slice(abd[0].length), complete);
  return skeleton(stripArticle(word), complete);
}

export function latinKey(token: string): string {
  const word = normaliseLatin(token).replace(/ /g, '');
  return /^[ae]l$/.test(word) ? '' : latinWordKey(word, true);
}
