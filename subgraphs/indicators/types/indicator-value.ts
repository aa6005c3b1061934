import { Field, ObjectType } from 'type-graphql';
import { Indicator } from '../entities/indicator';
import { Observation } from './observation';

@ObjectType('IndicatorValue', { description: 'An indicator and its latest value for one administrative unit.' })
export class IndicatorValue {
  @Field(() => Indicator, { description: 'The indicator.' })
  indicator!: Indicator;

  @Field(() => Observation, {
    nullable: true,
    description: 'The unit\'s latest observation; when the unit reports none of its own, the latest period of its child units rolled up by the indicator\'s rule; null when there is neither.',
  })
  latest!: Observation | null;
}
