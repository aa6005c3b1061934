import type { FilterQuery } from '@mikro-orm/core';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AdministrativeLevel, BadUserInputError, isReorganisedUnit } from '../../kit';
import type { PopulationContext } from '../context';
import { Citizen } from '../entities/citizen.entity';
import { Gender } from '../entities/gender';
import { searchText } from '../../kit/search-text';
import { BasicPersonal } from '../../kit/classification';

const MIN_NAME_SEARCH = 2;
const MAX_NAME_SEARCH = 100;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

@InputType('CitizenFilter', { description: 'Conditions a citizen must all meet (AND).' })
export class CitizenFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Residence in this unit or any unit below it (e.g. a district id covers its communes); for a unit in force since 2025-07-01, the residence from that date.',
  })
  residenceId?: string | null;

  @Field(() => Gender, { nullable: true, description: 'Only citizens of this sex. [basic]' })
  gender?: Gender | null;

  @Field(() => Int, { nullable: true, description: 'Born in this year or later (calendar year, inclusive). [basic]' })
  birthYearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Born in this year or earlier (calendar year, inclusive). [basic]' })
  birthYearTo?: number | null;

  @BasicPersonal()
  @Field(() => String, {
    nullable: true,
    description: 'Part of the full name, at least 2 letters; ignores case and Vietnamese diacritics ("huynh" finds "Huỳnh"). [basic]',
  })
  nameContains?: string | null;
}

function checkYear(year: number | null | undefined, argumentName: string): void {
  if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
    throw new BadUserInputError(`\`${argumentName}\` must be a 4-digit calendar year such as 1990, got ${year}`, `filter.${argumentName}`);
  }
}

/** Validates a filter and turns it into a MikroORM condition (all parts ANDed). */
export async function citizenWhere(filter: CitizenFilter | null | undefined, ctx: PopulationContext): Promise<FilterQuery<Citizen>> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;

  if (filter.residenceId != null) {
    const unit = await ctx.loaders.unit.load(filter.residenceId);
    if (!unit) {
      throw new BadUserInputError(
        `No administrative unit has id "${filter.residenceId}"; use a province, district or commune id from administrativeUnits`,
        'filter.residenceId',
      );
    }
    // Residents are placed at communes of both periods and carry their district: no subtree walk needed.
    if (isReorganisedUnit(unit)) {
      if (unit.level === AdministrativeLevel.COMMUNE) where.residence2025Id = unit.id;
      else where.residence2025Id = { $ne: null }; // Ho Chi Minh City: every resident placed since 2025-07-01
    } else if (unit.level === AdministrativeLevel.COMMUNE) where.residenceId = unit.id;
    else if (unit.level === AdministrativeLevel.DISTRICT) where.districtId = unit.id;
    // The province: every resident of this data set lives in it.
  }

  if (filter.gender != null) where.gender = filter.gender;

  checkYear(filter.birthYearFrom, 'birthYearFrom');
  checkYear(filter.birthYearTo, 'birthYearTo');
  if (filter.birthYearFrom != null && filter.birthYearTo != null && filter.birthYearFrom > filter.birthYearTo) {
    throw new BadUserInputError(
      `\`birthYearFrom\` (${filter.birthYearFrom}) is after \`birthYearTo\` (${filter.birthYearTo}); swap them or leave one out`,
      'filter.birthYearFrom',
    );
  }
  const birthDate: Record<string, string> = {};
  if (filter.birthYearFrom != null) birthDate.$gte = `${filter.birthYearFrom}-01-01`;
  if (filter.birthYearTo != null) birthDate.$lte = `${filter.birthYearTo}-12-31`;
  if (Object.keys(birthDate).length > 0) where.birthDate = birthDate;

  if (filter.nameContains != null) {
    const term = searchText(filter.nameContains);
    if (term.length < MIN_NAME_SEARCH || filter.nameContains.length > MAX_NAME_SEARCH) {
      throw new BadUserInputError(
        `\`nameContains\` needs ${MIN_NAME_SEARCH} to ${MAX_NAME_SEARCH} characters with at least ${MIN_NAME_SEARCH} letters or digits, e.g. "Huỳnh" or "huynh van"`,
        'filter.nameContains',
      );
    }
    // searchText leaves only [a-z0-9 ], so the term holds no LIKE wildcard.
    where.searchName = { $like: `%${term}%` };
  }
  return where;
}
