import { ArgsType, Field, ID, Int } from 'type-graphql';
import { DateScalar } from '../../kit';
import { Granularity } from '../domain/granularity';

// Argument sets as classes, so that the SDL lists the arguments in the contract's order.

@ArgsType()
export class SeriesArgs {
  @Field(() => ID, { description: 'AdministrativeUnit id (GSO code), e.g. "74" or "721".' })
  unitId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Earliest period end date, inclusive; open when omitted.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Latest period end date, inclusive; open when omitted.' })
  to?: string | null;
}

@ArgsType()
export class IndicatorsArgs {
  @Field(() => ID, { nullable: true, description: 'Only indicators of this sector code, e.g. "YTE"; an unknown code gives an empty list.' })
  sector?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only indicators whose name contains this text, ignoring case and Vietnamese diacritics ("bo chi so" finds "Bộ chỉ số"); at most 200 characters.',
  })
  search?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size: default 20, at most 100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class UnitIndicatorsArgs {
  @Field(() => ID, { nullable: true, description: 'Only indicators of this sector code, e.g. "DVC".' })
  sector?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only these indicator codes, in this order (unknown codes are skipped); at most 2,000.' })
  codes?: string[] | null;
}

@ArgsType()
export class SeriesAtArgs {
  @Field(() => ID, { description: 'AdministrativeUnit id (GSO code, mã đơn vị hành chính), e.g. "74" or "721".' })
  unitId!: string;

  @Field(() => Granularity, { description: 'Bucket size (chu kỳ tổng hợp): WEEK, MONTH, QUARTER or YEAR; not finer than the indicator\'s frequency.' })
  granularity!: Granularity;

  @Field(() => DateScalar, { nullable: true, description: 'Earliest period end date of the observations aggregated (từ ngày), inclusive; open when omitted.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Latest period end date of the observations aggregated (đến ngày), inclusive; open when omitted.' })
  to?: string | null;
}

@ArgsType()
export class CompareArgs {
  @Field(() => [ID], { description: 'The administrative units to compare (các đơn vị so sánh), GSO codes; 1 to 100, duplicates ignored, returned in the order given.' })
  unitIds!: string[];

  @Field(() => Granularity, { description: 'Bucket size (chu kỳ tổng hợp): WEEK, MONTH, QUARTER or YEAR; not finer than the indicator\'s frequency.' })
  granularity!: Granularity;

  @Field(() => DateScalar, { nullable: true, description: 'Earliest period end date of the observations aggregated (từ ngày), inclusive; open when omitted.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Latest period end date of the observations aggregated (đến ngày), inclusive; open when omitted.' })
  to?: string | null;
}
