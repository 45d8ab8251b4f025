// Search keys for patient names.
//
// Contract with the search layer: nameTokens(fullName) gives the keys stored
// for a patient; queryTokens(q) gives, for each word of what the receptionist
// typed, the keys that word may match. A patient matches when, for every
// query word, one of its keys is a PREFIX of one of the patient's stored keys.
//
// Latin keys are consonant skeletons (latin.ts), so the many spellings of one
// Arabic name (Mohamed, Muhammad, Mohammed…) share a key; Arabic keys are the
// spelling with hamza, diacritics and the other usual typing variants removed
// (arabic.ts). An Arabic name part is also stored under its transliteration
// into the Latin key space (transliterate.ts), so a Latin query finds an
// Arabic-only patient; an Arabic query word looks for its transliteration too,
// so it finds a Latin-only patient.
import { ARABIC_ARTICLE, arabicKey, normaliseArabic, unmarkedArabic, withoutArticle } from './arabic.ts';
import { ABD, latinWordKey, normaliseLatin } from './latin.ts';
import { abdRestTransliterations, transliterationKeys } from './transliterate.ts';

export { arabicKey, normaliseArabic } from './arabic.ts';
export { latinKey, normaliseLatin } from './latin.ts';

interface Word {
  readonly arabic: boolean;
  readonly text: string; // already normalised for its script
  readonly raw: string; // Arabic: the letters as typed, hamza and ة kept (for transliteration); Latin: = text
}

// Runs of Arabic-script characters (letters, marks, tatweel, Arabic digits)
// versus everything else, so "Mohamed محمد" and even "Mohamedمحمد" split.
const SCRIPT_RUNS = /\p{scx=Arabic}+|\P{scx=Arabic}+/gu;
const NOT_LETTERS = /[^\p{L}\p{N}]+/gu;

function words(text: string): Word[] {
  const out: Word[] = [];
  const runs = text.replace(/\p{Cf}/gu, '').match(SCRIPT_RUNS) ?? [];
  for (const run of runs) {
    if (/\p{scx=Arabic}/u.test(run)) {
      // Folding maps letters to letters, so both forms split at the same places.
      const raw = unmarkedArabic(run).replace(NOT_LETTERS, ' ').split(' ');
      normaliseArabic(run).replace(NOT_LETTERS, ' ').split(' ').forEach((t, i) => { if (t) out.push({ arabic: true, text: t, raw: raw[i]! }); });
    } else {
      for (const t of normaliseLatin(run).split(' ')) if (t) out.push({ arabic: false, text: t, raw: t });
    }
  }
  return out;
}

const ARABIC_ABD = 'عبد';
const isAbd = (w: Word): boolean => (w.arabic ? w.text === ARABIC_ABD : /^abd(?:[aeiou]l)?$/.test(w.text));
const isArticle = (w: Word): boolean => (w.arabic ? w.text === ARABIC_ARTICLE : /^[aeiu]l$/.test(w.text));

// "Abd" (servant of) always belongs to the following name, however it was
// spaced: Abd al-Rahman, Abdel Rahman and Abdelrahman are one name part.
// A separate article (El Fatih) is dropped, as a joined one is stripped from
// the key. Abu stays a word of its own: "Abu Bakr" keys ab + bkr, so a search
// for "Bakr" still finds it.
function joinNameParts(list: readonly Word[]): Word[] {
  const out: Word[] = [];
  let abd: Word | null = null; // an Abd still waiting for its name
  let joined = { text: '', raw: '' };
  for (const w of list) {
    if (abd && w.arabic === abd.arabic && !isAbd(w)) {
      joined = { text: joined.text + w.text, raw: joined.raw + w.raw };
      if (isArticle(w)) continue;
      out.push({ arabic: w.arabic, ...joined });
      abd = null;
      continue;
    }
    if (abd) out.push(abd); // nothing to join with: keep it as it is
    abd = isAbd(w) ? w : null;
    joined = { text: w.text, raw: w.raw };
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

/**
 * The key of the name after Abd in an Abd compound (رحمن of عبد الرحمن, rhmn of Abdelrahman), so
 * that the second word alone finds the patient. Null when there is none or it is too short to
 * mean anything (the l of Abdalla).
 */
function abdRestKey(w: Word): string | null {
  let rest: string | null = null;
  if (w.arabic) {
    if (w.text.startsWith(ARABIC_ABD)) rest = withoutArticle(w.text.slice(ARABIC_ABD.length));
  } else {
    const abd = ABD.exec(w.text);
    if (abd) rest = latinWordKey(w.text.slice(abd[0].length), true);
  }
  return rest !== null && [...rest].length >= 2 ? rest : null;
}

function storedKeys(w: Word): string[] {
  const own = [wordKey(w, true), abdRestKey(w)];
  if (!w.arabic) return own.filter((k): k is string => Boolean(k));
  return [...own, ...transliterationKeys(w.raw), ...abdRestTransliterations(w.raw)].filter((k): k is string => Boolean(k));
}

// Keys stored for a full name, in either script or both.
export function nameTokens(text: string): string[] {
  return [...new Set(joinNameParts(words(text)).flatMap(storedKeys))];
}

/** Letters of an Arabic word before its transliteration says anything: fewer could be any name. */
const MIN_TYPED_FOR_TRANSLITERATION = 3;

function queryKeys(w: Word, complete: boolean): string[] {
  const own = wordKey(w, complete);
  if (!w.arabic || own === '') return [own];
  if (!complete) {
    const name = w.raw.startsWith(ARABIC_ABD) ? w.raw.slice(ARABIC_ABD.length) : w.raw;
    const stem = name.startsWith(ARABIC_ARTICLE) ? name.slice(ARABIC_ARTICLE.length) : name;
    if ([...stem].length < MIN_TYPED_FOR_TRANSLITERATION) return [own];
  }
  return [own, ...transliterationKeys(w.raw, complete)];
}

// Keys for a search box query: one group per word, holding the keys that
// word may match (an Arabic word: its own key and its transliterations).
// Unless the query ends in whitespace, its last word is taken as unfinished
// and keyed so that, for a name part typed in the stored spelling, the key of
// every prefix is a prefix of the stored key ("Muham" → mwhm, a prefix of
// Mohamed's mwhmd; "احم" of "أحمد"). Prefixes too short to decide anything
// ("a", "el", "ا", "ال", a lone "t") give no group and so match everything.
// Known gaps: a joined article before a vowel is only recognised once two
// consonants follow ("Elam" → ilm, not a prefix of Elamin's amn), and
// NOT_ARTICLE names while still being typed ("Elha").
export function queryTokens(q: string): string[][] {
  const parts = joinNameParts(words(q));
  const lastIsPartial = !/\s$/.test(q);
  const groups = parts.map((w, i) => [...new Set(queryKeys(w, !(lastIsPartial && i === parts.length - 1)))]);
  // A word with an empty key matches everything, whatever its other keys.
  const kept = groups.filter((g) => !g.includes(''));
  const seen = new Set<string>();
  return kept.filter((g) => {
    const id = [...g].sort().join('\u0000');
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

/**
 * A name in the Latin key space, one entry per name part holding the keys that part may have:
 * Latin words their key, Arabic words their transliterations. Two names written in different
 * scripts are the same name when they have as many parts and each pair of parts shares a key.
 */
export function phoneticName(text: string): string[][] {
  return joinNameParts(words(text)).map((w) => (w.arabic ? transliterationKeys(w.raw) : [wordKey(w, true)]).filter(Boolean));
}

export function samePhoneticName(a: string[][], b: string[][]): boolean {
  return a.length > 0 && a.length === b.length && a.every((keys, i) => keys.some((k) => b[i]!.includes(k)));
}
