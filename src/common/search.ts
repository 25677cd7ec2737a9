import type { SqlParams } from './sql.js';
import { isIso3 } from './iso3.js';

/**
 * One search behaviour for every list: a search is split into words (accents, case and
 * punctuation ignored), and a row matches when each word starts a word of one of its searched texts
 * ("guin" finds "Papua New Guinea", "ira" finds Iran and Iraq but not "Emirates"), as folded by the
 * SQL function `ratify_search_key` (see migrations/1795960000000-search.ts, whose
 * trigram indexes serve these conditions). Lists of States also match the whole search as an exact
 * ISO3 or ISO2 code, and only then by code.
 */

/** At most this many words of a search are used. */
const MAX_WORDS = 10;

/** The words of a search, split where the SQL key splits them (letters and digits; the rest separates). */
export function searchWords(search: string): string[] {
  return search
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
}

/** The whole search as an ISO3 or ISO2 code (upper case), or null when it is not written as one. */
export function searchCode(search: string): { iso3?: string; iso2?: string } | null {
  const code = search.trim().toUpperCase();
  if (isIso3(code)) return { iso3: code };
  if (/^[A-Z]{2}$/.test(code)) return { iso2: code };
  return null;
}

/** The folded form of a text column or expression, as the trigram indexes hold it. */
export const searchKey = (expression: string) => `ratify_search_key(${expression})`;

/**
 * SQL that holds when every word starts a word of one of these folded texts (each `searchKey(...)` of an
 * indexed expression). A word is folded by the same function, so that "Haïti" and "haiti" are one.
 */
export function wordsMatch(p: SqlParams, keys: readonly string[], words: readonly string[]): string {
  if (!words.length) return 'false';
  return words
    .map((word) => {
      // The first pattern is what the trigram index serves; the second keeps the word's start at a word's start.
      const folded = `ratify_search_key(${p.add(word)}::text)`;
      return `(${keys.map((key) => `(${key} LIKE '%' || ${folded} || '%' AND ' ' || ${key} LIKE '% ' || ${folded} || '%')`).join(' OR ')})`;
    })
    .join(' AND ');
}

/**
 * How far a folded text is from the whole search, as an integer (smaller is closer): 0 for the same
 * text, then texts that start with it, then by trigram word similarity (pg_trgm).
 */
export function closeness(p: SqlParams, key: string, search: string): string {
  const term = `ratify_search_key(${p.add(search)}::text)`;
  return `(CASE WHEN ${key} = ${term} THEN 0 WHEN ${key} LIKE ${term} || '%' THEN 1000 ELSE 2000 END
    + (1000 - round(1000 * public.word_similarity(${term}, ${key})))::int)`;
}
