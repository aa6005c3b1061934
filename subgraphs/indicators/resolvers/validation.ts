import { BadUserInputError, unitById } from '../../kit';

/** An argument naming an administrative unit must name one of the province's units. */
export function requireUnit(unitId: string, argumentName: string): void {
  if (!unitById(unitId)) {
    throw new BadUserInputError(
      `\`${argumentName}\` "${unitId}" is not an administrative unit of the province; pass a GSO code such as "74" (the province), "718"…"726" (districts) or a 5-digit commune code such as "25747"`,
      argumentName,
    );
  }
}

/** A from/to pair is inclusive and must not be reversed. */
export function requireWindow(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) {
    throw new BadUserInputError(`\`from\` (${from}) is after \`to\` (${to}); pass from <= to, both "YYYY-MM-DD" and inclusive`, 'from');
  }
}

export const MAX_CODES = 2000;

export function requireCodes(codes: string[] | null | undefined): void {
  if (codes && codes.length > MAX_CODES) {
    throw new BadUserInputError(`\`codes\` lists ${codes.length} indicators; pass at most ${MAX_CODES}, or select by \`sector\``, 'codes');
  }
}

export const MAX_SEARCH_LENGTH = 200;
