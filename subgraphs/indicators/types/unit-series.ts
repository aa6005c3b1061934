import { Field, ID, ObjectType } from 'type-graphql';
import { Public } from '../../kit/classification';
import { AdministrativeUnitRef } from './administrative-unit';
import { Observation } from './observation';

@ObjectType('UnitSeries', {
  description: 'One administrative unit\'s series of an indicator at a granularity (chuỗi số liệu của một đơn vị), as `Indicator.compare` returns it.',
})
export class UnitSeries {
  @Public()
  @Field(() => ID, { description: 'GSO code of the unit (mã đơn vị hành chính), as asked.' })
  unitId!: string;

  @Public()
  @Field(() => AdministrativeUnitRef, { nullable: true, description: 'The administrative unit (đơn vị hành chính), resolved by the population subgraph.' })
  unit!: AdministrativeUnitRef;

  @Public()
  @Field(() => [Observation], {
    description: 'The unit\'s bucketed observations in time order, exactly as `Indicator.seriesAt` gives them for this unit (số liệu theo kỳ).',
  })
  observations!: Observation[];
}
