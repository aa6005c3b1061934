import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AdministrativeLevel, BadUserInputError, childrenOverTime, DateScalar, REFERENCE_DATE, StatsScope } from '../../kit';
import type { PopulationContext } from '../context';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { inForceOn, populationKey } from '../loaders';
import { unitsFromRecords } from '../unit-records';
import { Public } from '../../kit/classification';

@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitResolver {
  @Public()
  @Query(() => AdministrativeUnit, { nullable: true, description: 'One administrative unit by id; null when no unit has that id.' })
  administrativeUnit(
    @Arg('id', () => ID, { description: 'Unit id: the GSO code for the units in force 2022–2024, e.g. "721"; code@validFrom for the units since 2025-07-01, e.g. "25747@2025-07-01".' }) id: string,
    @Ctx() ctx: PopulationContext,
  ): Promise<AdministrativeUnit | null> {
    return ctx.loaders.unit.load(id);
  }

  @Public()
  @Query(() => [AdministrativeUnit], {
    description: 'Units in force on `on` (default: the reference date 2024-09-30), ordered by id. From 2025-07-01: Ho Chi Minh City (79) and the 36 communes that replaced the province; no districts.',
  })
  async administrativeUnits(
    @Arg('level', () => AdministrativeLevel, { nullable: true, description: 'Only units of this level.' }) level: AdministrativeLevel | null | undefined,
    @Arg('parentId', () => ID, { nullable: true, description: 'Only the units directly below this unit.' }) parentId: string | null | undefined,
    @Arg('on', () => DateScalar, { nullable: true, description: 'Calendar date the units must be in force on (default 2024-09-30).' }) on: string | null | undefined,
    @Ctx() ctx: PopulationContext,
  ): Promise<AdministrativeUnit[]> {
    if (parentId != null && !(await ctx.loaders.unit.load(parentId))) {
      throw new BadUserInputError(`No administrative unit has id "${parentId}"; list the units with administrativeUnits(level: ...) to find a parent id`, 'parentId');
    }
    return ctx.em.find(
      AdministrativeUnit,
      {
        ...inForceOn(on ?? REFERENCE_DATE),
        ...(level ? { level } : {}),
        ...(parentId != null ? { parentId } : {}),
      },
      { orderBy: { id: 'asc' } },
    );
  }

  @Public()
  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit directly above; null for the province.' })
  parent(@Root() unit: AdministrativeUnit, @Ctx() ctx: PopulationContext): Promise<AdministrativeUnit | null> | null {
    return unit.parentId ? ctx.loaders.unit.load(unit.parentId) : null;
  }

  @Public()
  @FieldResolver(() => [AdministrativeUnit], {
    description: 'The units directly below, ordered by id, from the unit\'s own period: for the units of 2020–2025 those in force on the reference date; for Ho Chi Minh City (79) the 36 communes of the former province, the only ones held here.',
  })
  children(@Root() unit: AdministrativeUnit): AdministrativeUnit[] {
    return unitsFromRecords(childrenOverTime(unit.id));
  }

  @Public()
  @FieldResolver(() => Int, {
    description: 'Registered residents (dân số đăng ký thường trú), counted at their commune of residence in the unit\'s period; scope SUBTREE by default. Ho Chi Minh City (79) counts only the former province, the part held here.',
  })
  population(
    @Root() unit: AdministrativeUnit,
    @Arg('scope', () => StatsScope, {
      nullable: true,
      defaultValue: StatsScope.SUBTREE,
      description: 'SUBTREE (default): the unit and every unit below it; OWN: residents placed at the unit itself (0 above commune level).',
    })
    scope: StatsScope | null,
    @Ctx() ctx: PopulationContext,
  ): Promise<number> {
    return ctx.loaders.population.load(populationKey(unit, scope ?? StatsScope.SUBTREE));
  }
}
