import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Public } from '../../kit/classification';

/** The population subgraph's AdministrativeUnit, to which this subgraph adds `indicators` and `targets`. */
@Directive('@key(fields: "id")')
@ObjectType('AdministrativeUnit', {
  description: 'An administrative unit as in the national list. `id` equals the GSO `code` for the units in force 2022–2024.',
})
export class AdministrativeUnitRef {
  @Public()
  @Field(() => ID, { description: 'GSO code of the unit, e.g. "74" (province), "721" (Bến Cát) or a 5-digit commune code.' })
  id!: string;
}
