import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Public } from '../../kit/classification';

// Entities owned by the population subgraph. This subgraph only knows their keys and adds
// fields to them (Citizen.businesses, AdministrativeUnit.businessStats, see resolvers/).

@Directive('@key(fields: "id")')
@ObjectType('Citizen', { description: 'A person registered in the national population database; owned by the population subgraph.' })
export class CitizenRef {
  @Public()
  @Field(() => ID, { description: 'Opaque, stable identifier; not personal data.' })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('AdministrativeUnit', { description: 'An administrative unit (province, district or commune); owned by the population subgraph.' })
export class AdministrativeUnitRef {
  @Public()
  @Field(() => ID, { description: 'Unit id, equal to the GSO code for the units in force 2022–2024.' })
  id!: string;
}
