import { ConfigError } from '../kit';

/**
 * DOSSIER_AGENCY_SUFFIX: the province part (level 1) of the QCVN 102:2016 agency codes that
 * start every dossier code, e.g. "H09" in "000.00.21.H09-231204-0042". The prefix used for
 * Bình Dương is not verified (DOMAIN.md), so it is configurable: one capital letter and two
 * letters or digits; default "H09". It is read when seeding (codes are stored), so changing
 * it needs a fresh database.
 */
export const AGENCY_SUFFIX_VARIABLE = 'DOSSIER_AGENCY_SUFFIX';
export const DEFAULT_AGENCY_SUFFIX = 'H09';

export function agencySuffix(env: Record<string, string | undefined> = process.env): string {
  const raw = env[AGENCY_SUFFIX_VARIABLE];
  if (raw === undefined || raw === '') return DEFAULT_AGENCY_SUFFIX;
  if (!/^[A-Z][A-Z0-9]{2}$/.test(raw)) {
    throw new ConfigError(`${AGENCY_SUFFIX_VARIABLE} must be a QCVN 102 province code part such as "H09" (a capital letter and two capitals or digits), got "${raw}"`);
  }
  return raw;
}
