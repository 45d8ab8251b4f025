// Search keys of catalogue entries. An entry is stored under one key per word of its titles (and
// one for its code); a query matches an entry when every query word is a prefix of one of its
// keys. Words are folded the way patient name search folds them (the patients module's
// normalisers): Latin lower-cased without accents, Arabic without diacritics, with alef, ya and
// ta-marbuta variants folded and the article ال dropped — so "التيفوئيد" is found by "تيفويد".
import { arabicKey, normaliseArabic, normaliseLatin } from '../patients/index.ts';

/** The key column's width; longer words are clipped, and query words the same way. */
export const MAX_KEY_LENGTH = 48;

// Words that would match nearly every title and narrow nothing.
const STOP_WORDS: ReadonlySet<string> = new Set(['of', 'and', 'or', 'the', 'in', 'to', 'with', 'by', 'as', 'for', 'on', 'at', 'an', 'a', 'due', 'other', 'و', 'في', 'من', 'مع', 'او', 'غير']);

const ARABIC = /\p{scx=Arabic}/u;
const SCRIPT_RUNS = /\p{scx=Arabic}+|\P{scx=Arabic}+/gu;
const NOT_LETTERS = /[^\p{L}\p{N}]+/gu;
// A code or a number written with dots or hyphens: B50.9, 718-7, 0.5. It is also kept whole,
// without its punctuation, so "B50.9" and "b509" find it while "malaria 9" does not.
const CODE_LIKE = /^(?=.*\d)[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)+$/u;

const clip = (key: string) => [...key].slice(0, MAX_KEY_LENGTH).join('');

/** The key of a code: lower case, without dots and hyphens (B50.9 → b509, 718-7 → 7187). */
export function codeKey(code: string): string {
  return clip(code.toLowerCase().replace(/[.-]/g, ''));
}

// Folding a hamza seat can double a letter (التيفوئيد → تيفوييد) where people type it once
// (تيفويد); an Arabic word never needs a letter written twice in a row (doubling is a shadda, a
// mark), so runs of one letter are collapsed in keys and queries alike.
const arabicWordKey = (word: string) => arabicKey(word).replace(/(.)\1+/gu, '$1');

// A title's Arabic word joined to "and" (والتهاب) is also stored without it, so "التهاب" finds it.
const arabicWordKeys = (word: string, stored: boolean) =>
  (stored && word.startsWith('وال') && word.length > 4 ? [arabicWordKey(word), arabicWordKey(word.slice(1))] : [arabicWordKey(word)]);

function foldedWords(text: string, stored: boolean): string[] {
  const words: string[] = [];
  for (const run of text.replace(/\p{Cf}/gu, '').match(SCRIPT_RUNS) ?? []) {
    words.push(...(ARABIC.test(run) ? normaliseArabic(run).replace(NOT_LETTERS, ' ').split(' ').flatMap((w) => arabicWordKeys(w, stored)) : normaliseLatin(run).split(' ')));
  }
  return words.filter(Boolean);
}

function wordKeys(text: string, stored: boolean): string[] {
  return foldedWords(text, stored).filter((w) => !STOP_WORDS.has(w)).map(clip);
}

/**
 * The words of a text folded as search keys are, in order and with stop words kept (they can
 * change the meaning of a short phrase: غير in "non-steroidal"). Allergy matching compares these.
 */
export const foldWords = (text: string): string[] => foldedWords(text, false);

const trimPunctuation = (raw: string) => raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Every key an entry is stored under: its code and each word of its titles, without repeats. */
export function entryKeys(code: string, titles: (string | null | undefined)[]): string[] {
  const keys = new Set([codeKey(code)]);
  for (const title of titles) {
    if (!title) continue;
    for (const raw of title.split(/\s+/)) {
      const word = trimPunctuation(raw);
      if (CODE_LIKE.test(word)) keys.add(codeKey(word));
    }
    for (const k of wordKeys(title, true)) keys.add(k);
  }
  return [...keys];
}

/** One prefix per query word (a code-like word stays whole), longest first, without repeats. */
export function queryKeys(q: string): string[] {
  const keys = new Set<string>();
  for (const raw of q.split(/\s+/)) {
    const word = trimPunctuation(raw);
    if (CODE_LIKE.test(word)) keys.add(codeKey(word));
    else for (const k of wordKeys(word, false)) keys.add(k);
  }
  return [...keys].sort((a, b) => b.length - a.length);
}
