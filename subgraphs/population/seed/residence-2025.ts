import { successorsOf } from '../../kit';

const BASE36_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The commune a household lives in since the 2025-07-01 reorganisation. A commune taken over
 * by one new commune hands all its households to it; a commune split between several hands
 * each household, whole, to the successor (in id order) at the last base-36 digit of the
 * household id modulo their number. Household ids are a bijective mix of the seeding order
 * (household-id.ts), so that digit is uniform and the split about even; and the rule needs only
 * the household's own row, so the migration that added the column applies it in SQL to
 * databases seeded before (migrations/*-add-residence-2025.ts).
 */
export function residence2025Of(householdId: string, communeId: string): string {
  const successors = successorsOf(communeId);
  if (successors.length === 0) throw new Error(`Commune ${communeId} has no successor in the 2025 list`);
  const digit = BASE36_DIGITS.indexOf(householdId.slice(-1));
  return successors[Math.max(digit, 0) % successors.length].id;
}
