import { Arg, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, DateScalar, predecessorsOf, successorsOf, unitInForce } from '../../kit';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { unitFromRecord, unitsFromRecords } from '../unit-records';
import { Public } from '../../kit/classification';

/** GSO codes: 2 digits for a province, 3 for a district, 5 for a commune. */
const UNIT_CODE = /^(\d{2}|\d{3}|\d{5})$/;

/** The units over time: which unit a code named on a date, and which units replaced which on 2025-07-01. */
@Resolver(() => AdministrativeUnit)
export class UnitSuccessionResolver {
  @Public()
  @Query(() => AdministrativeUnit, {
    nullable: true,
    description: 'The unit with that code in force on that date, e.g. code "25747": Phường Phú Cường (id "25747") until 2025-06-30, Phường Thủ Dầu Một (id "25747@2025-07-01") from 2025-07-01; null when no unit held here had the code then.',
  })
  administrativeUnitOn(
    @Arg('code', () => String, { description: 'GSO code: 2 digits (province), 3 (district) or 5 (commune), e.g. "25747".' }) code: string,
    @Arg('on', () => DateScalar, { description: 'Calendar date the unit must be in force on.' }) on: string,
  ): AdministrativeUnit | null {
    if (!UNIT_CODE.test(code)) {
      throw new BadUserInputError(`A unit code is the GSO code of 2 (province), 3 (district) or 5 (commune) digits, e.g. "25747"; got ${JSON.stringify(code)}`, 'code');
    }
    const record = unitInForce(code, on);
    return record ? unitFromRecord(record) : null;
  }

  @Public()
  @FieldResolver(() => [AdministrativeUnit], {
    description: 'The units of the same level that took over this unit\'s area when it ceased, by id: an old commune\'s new commune(s) from 2025-07-01, the province\'s Ho Chi Minh City (79). Empty for districts (the level was abolished: take their children\'s successors) and for units still in force.',
  })
  successors(@Root() unit: AdministrativeUnit): AdministrativeUnit[] {
    return unitsFromRecords(successorsOf(unit.id));
  }

  @Public()
  @FieldResolver(() => [AdministrativeUnit], {
    description: 'The units of the same level whose area this unit took over, by id: a new commune\'s old communes (a split commune is a predecessor of each of its parts), Ho Chi Minh City\'s former province (74, the only one held here). Empty for the units of 2020–2025.',
  })
  predecessors(@Root() unit: AdministrativeUnit): AdministrativeUnit[] {
    return unitsFromRecords(predecessorsOf(unit.id));
  }
}
