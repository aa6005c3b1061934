// Formats of the national identifiers (see DOMAIN.md). CCCDs have no check digit, so only
// their structure is validated; tax codes carry a mod-11 check digit.

const CCCD_RE = /^(\d{3})([0-3])(\d{2})(\d{6})$/;

/** 12 digits: province of birth registration (001–096), century/gender digit (0–3), birth year, 6 digits. */
export function isWellFormedCccd(value: string): boolean {
  const m = CCCD_RE.exec(value);
  if (!m) return false;
  const province = Number(m[1]);
  return province >= 1 && province <= 96;
}

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** The check digit of a 9-digit tax code prefix, or null when the sequence is never issued. */
export function taxCodeCheckDigit(first9: string): number | null {
  const sum = TAX_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first9[i]), 0);
  const remainder = sum % 11;
  if (remainder === 0) return null;
  const digit = 10 - remainder;
  return digit;
}

/** An enterprise code: 10 digits with a valid check digit, optionally a branch suffix -001…-999. */
export function isWellFormedTaxCode(value: string): boolean {
  const m = /^(\d{9})(\d)(-(\d{3}))?$/.exec(value);
  if (!m) return false;
  if (m[4] === '000') return false;
  return taxCodeCheckDigit(m[1]) === Number(m[2]);
}
