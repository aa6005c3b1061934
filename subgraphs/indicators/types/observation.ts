import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../kit';
import { ObservationSource } from '../entities/enums';
import { Public } from '../../kit/classification';

/**
 * An observation as the API returns it: a stored one (REPORTED) or one rolled up from the
 * unit's children (ROLLED_UP). `unit` is resolved from `unitId`.
 */
@ObjectType('Observation', { description: 'The value of an indicator for one administrative unit and one period (số liệu kỳ báo cáo).' })
export class Observation {
  @Public()
  @Field(() => String, { description: 'ISO period label: 2023-W49, 2023-12, 2023-Q4 or 2023.' })
  period!: string;

  @Public()
  @Field(() => DateScalar, { description: 'First day of the period.' })
  periodStart!: string;

  @Public()
  @Field(() => DateScalar, { description: 'Last day of the period; the value counts as known on this day.' })
  periodEnd!: string;

  @Public()
  @Field(() => Float, { description: 'The value in the indicator\'s measure. A percentage is a fraction, like the rates: 0.4597, not 45.97.' })
  value!: number;

  @Public()
  @Field(() => ObservationSource, { description: 'REPORTED for the unit itself, or ROLLED_UP from its child units.' })
  source!: ObservationSource;

  @Public()
  @Field(() => Int, { description: 'Number of units whose values make this one: 1 when reported, the number of reporting child units when rolled up.' })
  contributingUnits!: number;

  unitId!: string;
  indicatorCode!: string;
}
