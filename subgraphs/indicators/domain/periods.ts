import { Frequency } from '../entities/enums';

/**
 * Reporting periods and their ISO labels: "2023-W49" (ISO 8601 week, Monday–Sunday),
 * "2023-12" (month), "2023-Q4" (quarter), "2023" (year). Dates are "YYYY-MM-DD" strings,
 * compared as text (the storage convention of the kit).
 */
export interface Period {
  /** ISO label, e.g. "2023-W49". */
  period: string;
  periodStart: string;
  periodEnd: string;
}

const DAY_MS = 86_400_000;

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Monday of ISO week 1 of `isoYear`: the week that holds 4 January. */
function isoWeekOneMonday(isoYear: number): number {
  const jan4 = Date.UTC(isoYear, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY_MS;
}

/** The ISO week that holds `date`. */
export function isoWeekOf(date: string): Period {
  const ms = utc(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  const monday = ms - weekday * DAY_MS;
  // The ISO year is the calendar year of the week's Thursday.
  const isoYear = new Date(monday + 3 * DAY_MS).getUTCFullYear();
  const week = Math.floor((monday - isoWeekOneMonday(isoYear)) / (7 * DAY_MS)) + 1;
  return { period: `${isoYear}-W${pad(week)}`, periodStart: isoDate(monday), periodEnd: isoDate(monday + 6 * DAY_MS) };
}

function monthPeriod(year: number, month: number): Period {
  return { period: `${year}-${pad(month)}`, periodStart: `${year}-${pad(month)}-01`, periodEnd: isoDate(Date.UTC(year, month, 0)) };
}

function quarterPeriod(year: number, quarter: number): Period {
  const first = monthPeriod(year, quarter * 3 - 2);
  const last = monthPeriod(year, quarter * 3);
  return { period: `${year}-Q${quarter}`, periodStart: first.periodStart, periodEnd: last.periodEnd };
}

function yearPeriod(year: number): Period {
  return { period: String(year), periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
}

/** Parses a period label of any frequency; undefined when it is not one. */
export function parsePeriod(label: string): (Period & { frequency: Frequency }) | undefined {
  let m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (m) {
    const monday = isoWeekOneMonday(Number(m[1])) + (Number(m[2]) - 1) * 7 * DAY_MS;
    const week = isoWeekOf(isoDate(monday));
    return week.period === label ? { ...week, frequency: Frequency.WEEKLY } : undefined;
  }
  m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { ...monthPeriod(Number(m[1]), Number(m[2])), frequency: Frequency.MONTHLY };
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) return { ...quarterPeriod(Number(m[1]), Number(m[2])), frequency: Frequency.QUARTERLY };
  m = /^(\d{4})$/.exec(label);
  if (m) return { ...yearPeriod(Number(m[1])), frequency: Frequency.YEARLY };
  return undefined;
}

/** The periods of a frequency that lie wholly inside [from, to] (both inclusive), in time order. */
export function periodsBetween(frequency: Frequency, from: string, to: string): Period[] {
  const periods: Period[] = [];
  const push = (p: Period) => {
    if (p.periodStart >= from && p.periodEnd <= to) periods.push(p);
  };
  const [fromYear] = from.split('-').map(Number);
  const [toYear] = to.split('-').map(Number);
  switch (frequency) {
    case Frequency.WEEKLY: {
      let week = isoWeekOf(from);
      if (week.periodStart < from) week = isoWeekOf(isoDate(utc(week.periodStart) + 7 * DAY_MS));
      while (week.periodEnd <= to) {
        periods.push(week);
        week = isoWeekOf(isoDate(utc(week.periodStart) + 7 * DAY_MS));
      }
      break;
    }
    case Frequency.MONTHLY:
      for (let y = fromYear; y <= toYear; y += 1) for (let m = 1; m <= 12; m += 1) push(monthPeriod(y, m));
      break;
    case Frequency.QUARTERLY:
      for (let y = fromYear; y <= toYear; y += 1) for (let q = 1; q <= 4; q += 1) push(quarterPeriod(y, q));
      break;
    case Frequency.YEARLY:
      for (let y = fromYear; y <= toYear; y += 1) push(yearPeriod(y));
      break;
  }
  return periods;
}

/** Days since 1970-01-01 of a date: the time axis of the target trend. */
export function dayNumber(date: string): number {
  return utc(date) / DAY_MS;
}
