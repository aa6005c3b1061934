import { Field, ObjectType } from 'type-graphql';
import { Indicator } from '../entities/indicator';
import { Observation } from './observation';
import { Public } from '../../kit/classification';

@ObjectType('IndicatorValue', { description: 'An indicator and its latest value for one administrative unit.' })
export class IndicatorValue {
  @Public()
  @Field(() => Indicator, { description: 'The indicator.' })
  indicator!: Indicator;

  @Public()
  @Field(() => Observation, {
    nullable: true,
    description: 'The unit\'s latest observation; when the unit reports none of its own, the latest period of its child units rolled up by the indicator\'s rule; null when there is neither.',
  })
  latest!: Observation | null;
}
