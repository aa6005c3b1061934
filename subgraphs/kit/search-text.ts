/**
 * The form in which names are stored for search and in which `nameContains` is compared:
 * lower case, Vietnamese diacritics removed (đ → d), anything but letters and digits turned
 * into single spaces. Both sides go through the same function, so "Huỳnh" and "huynh" match,
 * and the result never holds a LIKE wildcard (% or _), so it needs no escaping.
 */
export function searchText(value: string): string {
  return foldVietnamese(value).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Lower case without Vietnamese diacritics (đ → d): the shared core of every search form. */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
