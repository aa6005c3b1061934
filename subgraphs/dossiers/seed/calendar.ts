import { REFERENCE_DATE, vnDayEndUtcExclusive, vnDayStartUtc } from '../../kit';
import { PERIOD_FIRST_DAY } from './published';

/**
 * The dossier period as Vietnamese calendar days: day 0 is 2022-01-01, the last day is the
 * reference date. Instants are epoch milliseconds; `dayStartMs(d)` is local midnight.
 */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const PERIOD_START_MS = Date.parse(vnDayStartUtc(PERIOD_FIRST_DAY));
export const PERIOD_END_MS = Date.parse(vnDayEndUtcExclusive(REFERENCE_DATE));
export const PERIOD_DAYS = Math.round((PERIOD_END_MS - PERIOD_START_MS) / DAY_MS);

const FIRST_WEEKDAY = new Date(`${PERIOD_FIRST_DAY}T00:00:00Z`).getUTCDay();

export function dayStartMs(day: number): number {
  return PERIOD_START_MS + day * DAY_MS;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((FIRST_WEEKDAY + day) % 7) + 7) % 7;
}

/** The day index of an instant (Vietnamese calendar). */
export function dayOf(ms: number): number {
  return Math.floor((ms - PERIOD_START_MS) / DAY_MS);
}

/** "YYYY-MM-DD" of each day of the period. */
export const PERIOD_DATES: readonly string[] = Array.from({ length: PERIOD_DAYS }, (_, d) => new Date(Date.UTC(2022, 0, 1 + d)).toISOString().slice(0, 10));

/** Lunar New Year (Tết) closures and other public holidays, when few dossiers come in. */
const HOLIDAYS: readonly [from: string, to: string][] = [
  ['2022-01-29', '2022-02-06'],
  ['2022-04-30', '2022-05-03'],
  ['2022-09-01', '2022-09-04'],
  ['2023-01-20', '2023-01-26'],
  ['2023-04-29', '2023-05-03'],
  ['2023-09-01', '2023-09-04'],
  ['2024-02-08', '2024-02-14'],
  ['2024-04-27', '2024-05-01'],
  ['2024-08-31', '2024-09-03'],
];

function isHoliday(date: string): boolean {
  return HOLIDAYS.some(([from, to]) => date >= from && date <= to);
}

/**
 * Relative number of submissions per day: growing over the period (more services, more
 * online use), mostly on working days, few on Sundays and holidays.
 */
export function dayWeights(): Float64Array {
  const weights = new Float64Array(PERIOD_DAYS);
  for (let d = 0; d < PERIOD_DAYS; d += 1) {
    const weekday = weekdayOf(d);
    const byWeekday = weekday === 0 ? 0.12 : weekday === 6 ? 0.35 : 1;
    weights[d] = (1 + (0.35 * d) / PERIOD_DAYS) * byWeekday * (isHoliday(PERIOD_DATES[d]) ? 0.15 : 1);
  }
  return weights;
}

/** Statutory deadline: 17:00 on the `workingDays`-th working day (Monday–Friday) after the day of submission. */
export function dueAfterWorkingDays(submittedMs: number, workingDays: number): number {
  let day = dayOf(submittedMs);
  let counted = 0;
  while (counted < workingDays) {
    day += 1;
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return dayStartMs(day) + 17 * HOUR_MS;
}
