import { ArgsType, Field, Int } from 'type-graphql';
import { BusinessFilter } from './business-filter';

/** Arguments of Query.businesses, declared as a class so they print in the contract's order. */
@ArgsType()
export class BusinessesArgs {
  @Field(() => BusinessFilter, { nullable: true, description: 'Conditions the enterprises must meet; all enterprises when omitted.' })
  filter?: BusinessFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page; omit for the first page.' })
  after?: string | null;
}
