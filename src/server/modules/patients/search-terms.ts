// What a search box query says besides names: a birth year or date typed among the name words
// ("Mohamed 1985", "1985-06-01 Fatima"), combined with the list's own birth filters.
import { parseDate } from '../../platform/time.ts';
import type { BirthFilter } from './name-search.ts';

// A year or an ISO date standing as a word of its own.
const BIRTH_WORD = /(^|\s)(\d{4}(?:-\d{2}-\d{2})?)(?=\s|$)/gu;

export interface QueryTerms {
  /** The query with the birth words blanked out (a space each, so the word before stays complete). */
  names: string;
  years: number[];
  dates: string[];
}

/** Splits birth words from the name words, when there are name words: digits alone are an identifier. */
export function queryTerms(q: string): QueryTerms {
  const years: number[] = [];
  const dates: string[] = [];
  const names = q.replace(BIRTH_WORD, (word, before: string, value: string) => {
    if (value.length === 4) years.push(Number(value));
    else if (parseDate(value)) dates.push(value);
    else return word;
    return `${before} `;
  });
  return /\p{L}/u.test(names) ? { names, years, dates } : { names: q, years: [], dates: [] };
}

/**
 * The birth filter that every given year and date imply together; undefined when none is given,
 * null when they contradict each other (nobody is born in 1985 and in 1990).
 */
export function birthFilter(years: readonly number[], dates: readonly string[]): BirthFilter | undefined | null {
  const year = new Set([...years, ...dates.map((d) => Number(d.slice(0, 4)))]);
  const date = new Set(dates);
  if (year.size > 1 || date.size > 1) return null;
  if (year.size === 0) return undefined;
  return { year: [...year][0]!, ...(date.size ? { date: [...date][0]! } : {}) };
}
