import { REFERENCE_DATE } from '../../kit';
import { Period, periodsBetween } from '../domain/periods';
import { Frequency } from '../entities/enums';

/** First day of the dossier period (DOMAIN.md: submissions from 2022-01-01 to the reference date). */
export const DOSSIER_PERIOD_FROM = '2022-01-01';

/**
 * Every ISO week (Monday–Sunday, Vietnamese calendar days) lying wholly inside the dossier
 * period, oldest first: 2022-W01 (3 January 2022) to 2024-W39 (ending 29 September 2024), 143 weeks.
 */
export function dossierPeriodWeeks(): Period[] {
  return periodsBetween(Frequency.WEEKLY, DOSSIER_PERIOD_FROM, REFERENCE_DATE);
}

/** The last `count` weeks of the dossier period (all of them when `count` is undefined). */
export function lastWeeks(count?: number): Period[] {
  const weeks = dossierPeriodWeeks();
  return count === undefined ? weeks : weeks.slice(Math.max(0, weeks.length - count));
}
