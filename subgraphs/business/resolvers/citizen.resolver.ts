import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit';
import { Business } from '../entities/business';
import { CitizenRef } from '../entities/stubs';
import type { BusinessLoaders } from '../loaders';
import { BasicPersonal } from '../../kit/classification';

@Resolver(() => CitizenRef)
export class CitizenBusinessesResolver {
  @BasicPersonal()
  @FieldResolver(() => [Business], {
    nullable: true,
    description: 'Enterprises this person legally represents (người đại diện theo pháp luật), of every status, by tax code; empty when none. [basic]',
  })
  businesses(@Root() citizen: CitizenRef, @Ctx() ctx: SubgraphContext<BusinessLoaders>): Promise<Business[]> {
    return ctx.loaders.businessesByRepresentative.load(citizen.id);
  }
}
