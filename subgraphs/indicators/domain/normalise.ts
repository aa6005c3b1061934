import { foldVietnamese } from '../../kit/search-text';

/**
 * Search form of a Vietnamese name: lower case, no diacritics (đ → d), single spaces. Stored
 * beside the name so that `search` is a plain indexed-column LIKE on SQLite and PostgreSQL alike.
 */
export function normaliseName(text: string): string {
  return foldVietnamese(text).replace(/\s+/g, ' ').trim();
}

/** A LIKE pattern for "contains `term`", with `!` escaping LIKE's wildcards (use `escape '!'`). */
export function containsPattern(term: string): string {
  return `%${normaliseName(term).replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
