/**
 * Calendar helpers for Asia/Ho_Chi_Minh (UTC+7, no daylight saving). Dates are stored
 * as "YYYY-MM-DD" strings and instants as UTC ISO strings ("…Z"), which sort and compare
 * the same way on SQLite and PostgreSQL.
 */
export const VN_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The data set's reference date (end of the dossier period). */
export const REFERENCE_DATE = '2024-09-30';

export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The calendar date in Vietnam at an instant. */
export function vnDateOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** ISO 8601 with the +07:00 offset, e.g. 2023-12-04T07:30:00.000+07:00. */
export function vnDateTimeOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().replace('Z', '+07:00');
}

/** The UTC instant (ISO, "Z") at which a Vietnamese calendar day starts. */
export function vnDayStartUtc(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - OFFSET_MS).toISOString();
}

/** The UTC instant (ISO, "Z") at which the Vietnamese day after `date` starts (exclusive bound). */
export function vnDayEndUtcExclusive(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1) - OFFSET_MS).toISOString();
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
