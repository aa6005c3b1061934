import { taxCodeCheckDigit } from '../identifiers';

/**
 * Size of the province at scale 1 and the identifiers every subgraph's seed agrees on.
 * A subgraph refers to another's records by these functions alone (never by reading the
 * other database), so the data sets join across subgraphs.
 */
export const FULL_SCALE = {
  citizens: 2_600_000,
  households: 870_000,
  businesses: 58_000,
  activeBusinesses: 43_117,
  digitalTechnologyBusinesses: 8_075,
  digitalPlatformBusinesses: 41_162,
  dossiers: 1_925_307,
} as const;

export function scaled(full: number, scale: number): number {
  return Math.max(1, Math.round(full * scale));
}

/**
 * Opaque, stable citizen id for the i-th citizen (0-based): a 32-bit bijective mix of the
 * index, so ids are unique, unrelated to the CCCD and do not reveal the seeding order.
 */
export function citizenId(index: number): string {
  let x = (index + 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return `C${x.toString(36).toUpperCase().padStart(7, '0')}`;
}

/** Bình Dương's tax office prefix for enterprise codes. */
export const BINH_DUONG_TAX_PREFIX = '37';

/** The i-th enterprise code (0-based): Bình Dương prefix, a sequence, a valid check digit. */
export function taxCode(index: number): string {
  // Sequences are spread over the 7-digit range; ones whose check remainder is 0 are skipped.
  let sequence = 100_000 + index * 13;
  for (;;) {
    const first9 = `${BINH_DUONG_TAX_PREFIX}${String(sequence).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
    sequence += 1;
  }
}
