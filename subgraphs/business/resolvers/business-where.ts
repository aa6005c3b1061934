import type { FilterQuery } from '@mikro-orm/core';
import { AdministrativeLevel, BadUserInputError, unitById } from '../../kit';
import { Business } from '../entities/business';
import { searchText } from '../../kit/search-text';
import type { BusinessFilter } from '../types/business-filter';

export const SECTION_RE = /^[A-U]$/;
export const MIN_NAME_TERM = 2;
const MAX_NAME_TERM = 100;

/** Validates a BusinessFilter and turns it into a condition on the business table. */
export function businessWhere(filter: BusinessFilter | null | undefined): FilterQuery<Business> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.addressId != null) {
    const unit = unitById(filter.addressId);
    if (!unit) {
      throw new BadUserInputError(
        `filter.addressId ${JSON.stringify(filter.addressId.slice(0, 20))} is not a known administrative unit; pass a province, district or commune id such as "74", "725" or "25741"`,
        'filter',
      );
    }
    // Businesses are placed at communes; the district is stored beside the commune.
    if (unit.level === AdministrativeLevel.DISTRICT) where.districtId = unit.id;
    if (unit.level === AdministrativeLevel.COMMUNE) where.communeId = unit.id;
  }
  if (filter.status != null) where.status = filter.status;
  if (filter.section != null) {
    if (!SECTION_RE.test(filter.section)) {
      throw new BadUserInputError(`filter.section must be one VSIC 2018 section letter from A to U (upper case), got ${JSON.stringify(filter.section.slice(0, 10))}`, 'filter');
    }
    where.industrySection = filter.section;
  }
  if (filter.digitalTechnology != null) where.digitalTechnology = filter.digitalTechnology;
  if (filter.nameContains != null) {
    // Length first: the term is normalised only once it is known to be short.
    const term = filter.nameContains.length > MAX_NAME_TERM ? '' : searchText(filter.nameContains);
    if (term.length < MIN_NAME_TERM) {
      throw new BadUserInputError(
        `filter.nameContains must hold at least ${MIN_NAME_TERM} letters or digits and at most ${MAX_NAME_TERM} characters, got ${JSON.stringify(filter.nameContains.slice(0, MAX_NAME_TERM + 1))}`,
        'filter',
      );
    }
    // searchText leaves only [a-z0-9 ], so the term carries no LIKE wildcard.
    where.nameSearch = { $like: `%${term}%` };
  }
  return where as FilterQuery<Business>;
}
