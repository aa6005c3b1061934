import { Arg, Ctx, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, ConnectionType, DateScalar, isWellFormedCccd, pageRequest, REORGANISED_ON, toConnection, UNITS_VALID_FROM } from '../../kit';
import type { PopulationContext } from '../context';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Citizen } from '../entities/citizen.entity';
import { Household } from '../entities/household.entity';
import { CitizenFilter, citizenWhere } from './citizen-filter';
import { BasicPersonal, Public } from '../../kit/classification';

@ObjectType('CitizenConnection', { description: 'A page of citizens in id order, with the size of the whole filtered list.' })
export class CitizenConnection extends ConnectionType(Citizen, 'Citizen') {}

@Resolver(() => Citizen)
export class CitizenResolver {
  @Public()
  @Query(() => Citizen, { nullable: true, description: 'One citizen by opaque id; null when no citizen has that id.' })
  citizen(
    @Arg('id', () => ID, { description: 'Opaque citizen id, as returned by other fields.' }) id: string,
    @Ctx() ctx: PopulationContext,
  ): Promise<Citizen | null> {
    return ctx.loaders.citizen.load(id);
  }

  @BasicPersonal()
  @Query(() => Citizen, { nullable: true, description: 'One citizen by CCCD; null when the number is well formed but unknown. [basic]' })
  citizenByCccd(
    @Arg('cccd', () => String, { description: '12-digit personal identification number (CCCD), e.g. "074190001234".' }) cccd: string,
    @Ctx() ctx: PopulationContext,
  ): Promise<Citizen | null> {
    if (!isWellFormedCccd(cccd)) {
      throw new BadUserInputError(
        'A CCCD is 12 digits: a 3-digit province code (001–096), a century/sex digit (0–3), 2 digits of birth year and 6 digits, e.g. "074190001234"',
        'cccd',
      );
    }
    return ctx.loaders.citizenByCccd.load(cccd);
  }

  @Public()
  @Query(() => CitizenConnection, { description: 'Citizens matching a filter, in stable id order (keyset paging).' })
  async citizens(
    @Arg('filter', () => CitizenFilter, { nullable: true, description: 'Conditions the citizens must all meet; none: every citizen.' })
    filter: CitizenFilter | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0 to 100 (default 20).' }) first: number | null | undefined,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page; the page starts after it.' })
    after: string | null | undefined,
    @Ctx() ctx: PopulationContext,
  ): Promise<CitizenConnection> {
    const page = pageRequest({ first, after });
    const where = await citizenWhere(filter, ctx);
    const pageWhere = page.afterKey === null ? where : { $and: [where, { id: { $gt: page.afterKey } }] };
    const [rows, totalCount] = await Promise.all([
      ctx.em.find(Citizen, pageWhere, { orderBy: { id: 'asc' }, limit: page.first + 1 }),
      ctx.em.count(Citizen, where),
    ]);
    // Rows found here also answer later loads of the same citizens in this request.
    for (const row of rows) ctx.loaders.citizen.prime(row.id, row);
    return toConnection(rows, page, (c) => c.id, totalCount);
  }

  @BasicPersonal()
  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Commune of permanent residence (nơi thường trú). [basic]' })
  residence(@Root() citizen: Citizen, @Ctx() ctx: PopulationContext): Promise<AdministrativeUnit | null> {
    return ctx.loaders.unit.load(citizen.residenceId);
  }

  @BasicPersonal()
  @FieldResolver(() => AdministrativeUnit, {
    nullable: true,
    description:
      'Commune of permanent residence on a date: the 2020–2025 commune (as `residence`) up to 2025-06-30, from 2025-07-01 the new commune the household was assigned to (this data set records no moves); null before 2020-02-01. [basic]',
  })
  residenceOn(
    @Root() citizen: Citizen,
    @Arg('on', () => DateScalar, { description: 'Calendar date, e.g. "2025-07-01".' }) on: string,
    @Ctx() ctx: PopulationContext,
  ): Promise<AdministrativeUnit | null> | null {
    const unitId = on >= REORGANISED_ON ? citizen.residence2025Id : on >= UNITS_VALID_FROM ? citizen.residenceId : null;
    return unitId ? ctx.loaders.unit.load(unitId) : null;
  }

  @BasicPersonal()
  @FieldResolver(() => Household, { nullable: true, description: 'The household the citizen is registered in (hộ gia đình). [basic]' })
  household(@Root() citizen: Citizen, @Ctx() ctx: PopulationContext): Promise<Household | null> {
    return ctx.loaders.household.load(citizen.householdId);
  }
}
