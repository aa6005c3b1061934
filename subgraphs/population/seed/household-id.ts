/**
 * Opaque, stable household id for the j-th seeded household: a 32-bit bijective mix (other
 * constants than citizenId's), so ids are unique and reveal neither order nor place.
 */
export function householdId(index: number): string {
  let x = (index ^ 0x5bd1e995) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
  x = Math.imul(x ^ (x >>> 12), 0x297a2d39) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  return `H${x.toString(36).toUpperCase().padStart(7, '0')}`;
}
