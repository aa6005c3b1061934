import { FieldResolver, Resolver, Root } from 'type-graphql';
import { AdministrativeUnitRef } from '../types/administrative-unit';
import { Observation } from '../types/observation';
import { Public } from '../../kit/classification';

@Resolver(() => Observation)
export class ObservationResolver {
  @Public()
  @FieldResolver(() => AdministrativeUnitRef, { nullable: true, description: 'The administrative unit the value is for (resolved by the population subgraph).' })
  unit(@Root() observation: Observation): AdministrativeUnitRef {
    return { id: observation.unitId };
  }
}
