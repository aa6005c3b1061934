/**
 * The form in which names are stored for search and search terms are compared: lower case,
 * no Vietnamese diacritics (đ → d), letters and digits only, single spaces. The result holds
 * no LIKE wildcards, so a term can be put into a LIKE pattern as it is.
 */
export function searchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
