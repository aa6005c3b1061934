/**
 * A grant: which agency may read which classification level or which fields, for which
 * purposes, under which legal basis, between which dates. Sensitive fields are granted only by
 * naming them in `fields`; `level` covers PUBLIC or BASIC fields.
 */
export interface Grant {
  id?: string;
  /** Agency code, as in the token's `agency` claim. */
  agency: string;
  /** Every field of this level (PUBLIC or BASIC); SENSITIVE cannot be granted by level. */
  level?: 'PUBLIC' | 'BASIC';
  /** Explicit field coordinates, e.g. "Citizen.ethnicity". */
  fields?: string[];
  /** Purpose codes the caller may declare in `x-purpose`. */
  purposes: string[];
  /**
   * Administrative unit ids the agency may act for, each with its subtree: process the dossiers
   * that are at one of these units, manage their programme tasks. Reading is granted by
   * `level`/`fields`; acting only by this list.
   */
  actsFor?: string[];
  /** The law or decision that allows the processing, recorded with every read. */
  legalBasis: string;
  /** First day of validity, "YYYY-MM-DD" (inclusive); none = from now on. */
  validFrom?: string;
  /** Last day of validity, "YYYY-MM-DD" (inclusive); none = until revoked. */
  validTo?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COORDINATE = /^[A-Za-z_]\w*\.[A-Za-z_]\w*$/;
const CODE = /^[A-Za-z0-9_.-]{1,64}$/;
/** An administrative unit id: the province (74), a district (3 digits) or a commune (5 digits). */
const UNIT_ID = /^\d{2,5}$/;

/** Checks one grant; returns what is wrong (empty when valid). */
export function grantProblems(g: Partial<Grant>): string[] {
  const problems: string[] = [];
  if (!g.agency || !CODE.test(g.agency)) problems.push('agency must be an agency code (letters, digits, _ . -)');
  if (g.level !== undefined && g.level !== 'PUBLIC' && g.level !== 'BASIC') problems.push('level must be PUBLIC or BASIC (sensitive fields are granted only by naming them in fields)');
  if (g.fields !== undefined && (!Array.isArray(g.fields) || g.fields.some((f) => !COORDINATE.test(f)))) problems.push('fields must be coordinates such as "Citizen.ethnicity"');
  if (g.actsFor !== undefined && (!Array.isArray(g.actsFor) || g.actsFor.some((u) => typeof u !== 'string' || !UNIT_ID.test(u)))) problems.push('actsFor must be a list of administrative unit ids such as "74", "721" or "25741"');
  if (g.level === undefined && !(g.fields?.length) && !(g.actsFor?.length)) problems.push('give a level, at least one field, or the units it acts for (actsFor)');
  if (!Array.isArray(g.purposes) || g.purposes.length === 0 || g.purposes.some((p) => !CODE.test(p))) problems.push('purposes must be a non-empty list of purpose codes');
  if (!g.legalBasis || typeof g.legalBasis !== 'string') problems.push('legalBasis must name the law or decision that allows the processing');
  for (const key of ['validFrom', 'validTo'] as const) if (g[key] !== undefined && !DAY.test(g[key]!)) problems.push(`${key} must be a date "YYYY-MM-DD"`);
  if (g.validFrom && g.validTo && g.validFrom > g.validTo) problems.push('validFrom is after validTo');
  return problems;
}

/** True when the grant is in force on the given Vietnamese calendar day ("YYYY-MM-DD"). */
export function grantInForce(g: Grant, day: string): boolean {
  return (!g.validFrom || g.validFrom <= day) && (!g.validTo || day <= g.validTo);
}

/** Today in Asia/Ho_Chi_Minh (UTC+7), the calendar the grant dates are written in. */
export function vietnamDay(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
