import { Field, ID, InputType } from 'type-graphql';
import { BusinessStatus } from '../entities/enums';

@InputType('BusinessFilter', { description: 'Conditions on enterprises; all given conditions must hold (AND).' })
export class BusinessFilter {
  @Field(() => ID, { nullable: true, description: 'An AdministrativeUnit id: enterprises placed in that unit or any unit below it. An unknown id is a BAD_USER_INPUT error.' })
  addressId?: string | null;

  @Field(() => BusinessStatus, { nullable: true, description: 'Only enterprises with this legal status.' })
  status?: BusinessStatus | null;

  @Field(() => String, { nullable: true, description: 'VSIC 2018 section letter of the main activity, one upper-case letter A–U (e.g. "C" manufacturing).' })
  section?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only digital-technology enterprises (true) or only the others (false).' })
  digitalTechnology?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, at least 2 letters or digits; case-, diacritic- and punctuation-insensitive ("minh phat" finds "Minh Phát").',
  })
  nameContains?: string | null;
}
