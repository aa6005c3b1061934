import { BadUserInputError, vnDayEndUtcExclusive, vnDayStartUtc } from '../kit';
import { DOSSIER_CODE_FORMAT, DOSSIER_CODE_RE, PROCEDURE_CODE_RE } from './agency-codes';

// Argument checks shared by the resolvers: a malformed value is BAD_USER_INPUT with the
// expected format; a well-formed but unknown one is left to return null or nothing.

export function checkDossierCode(code: string, argumentName: string): string {
  if (!DOSSIER_CODE_RE.test(code)) {
    throw new BadUserInputError(`\`${argumentName}\` must be a dossier code: ${DOSSIER_CODE_FORMAT}; got ${JSON.stringify(code)}`, argumentName);
  }
  return code;
}

export function checkProcedureCode(code: string, argumentName: string): string {
  if (!PROCEDURE_CODE_RE.test(code)) {
    throw new BadUserInputError(`\`${argumentName}\` must be a national procedure code: a digit, a dot and six digits, e.g. "1.000494"; got ${JSON.stringify(code)}`, argumentName);
  }
  return code;
}

/** UTC bounds of submitted_at for an inclusive range of Vietnamese dates (either end open). */
export interface SubmittedRange {
  fromUtc: string;
  toUtcExclusive: string;
}

const OPEN_START = '0000-01-01T00:00:00.000Z';
const OPEN_END = '9999-12-31T23:59:59.999Z';

export function submittedRange(from: string | null | undefined, to: string | null | undefined, names: [from: string, to: string]): SubmittedRange {
  if (from && to && from > to) {
    throw new BadUserInputError(`\`${names[0]}\` (${from}) is after \`${names[1]}\` (${to}); give an inclusive range with ${names[0]} <= ${names[1]}`, names[0]);
  }
  return { fromUtc: from ? vnDayStartUtc(from) : OPEN_START, toUtcExclusive: to ? vnDayEndUtcExclusive(to) : OPEN_END };
}
