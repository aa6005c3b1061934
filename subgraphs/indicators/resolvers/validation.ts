import { BadUserInputError, unitById } from '../../kit';
import { canBucket, Granularity } from '../domain/granularity';
import type { Frequency } from '../entities/enums';

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

/** A series is bucketed at the indicator's own frequency or coarser: values are never split. */
export function requireGranularity(code: string, frequency: Frequency, granularity: Granularity): void {
  if (!canBucket(frequency, granularity)) {
    throw new BadUserInputError(
      `\`granularity\` ${granularity} is finer than the ${frequency} reporting of indicator ${code}; pass ${frequency === 'YEARLY' ? 'YEAR' : frequency === 'QUARTERLY' ? 'QUARTER or YEAR' : 'MONTH, QUARTER or YEAR'}`,
      'granularity',
    );
  }
}

export const MAX_COMPARE_UNITS = 100;

/** The units of a comparison: 1 to MAX_COMPARE_UNITS known units; duplicates dropped, order kept. */
export function requireCompareUnits(unitIds: string[]): string[] {
  const units = [...new Set(unitIds)];
  if (units.length === 0) throw new BadUserInputError('`unitIds` is empty; pass at least one administrative unit id', 'unitIds');
  if (units.length > MAX_COMPARE_UNITS) {
    throw new BadUserInputError(`\`unitIds\` lists ${units.length} units; pass at most ${MAX_COMPARE_UNITS}, or compare their parent units`, 'unitIds');
  }
  for (const id of units) requireUnit(id, 'unitIds');
  return units;
}
