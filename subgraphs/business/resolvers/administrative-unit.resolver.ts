import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { StatsScope, SubgraphContext } from '../../kit';
import { AdministrativeUnitRef } from '../entities/stubs';
import { BusinessLoaders, statsKey } from '../loaders';
import { BusinessStats } from '../types/business-stats';
import { Public } from '../../kit/classification';

@Resolver(() => AdministrativeUnitRef)
export class AdministrativeUnitBusinessStatsResolver {
  @Public()
  @FieldResolver(() => BusinessStats, {
    nullable: true,
    description: 'Enterprises placed in this unit (scope SUBTREE by default: the unit and every unit below it); null for a unit this subgraph does not know.',
  })
  businessStats(
    @Root() unit: AdministrativeUnitRef,
    @Ctx() ctx: SubgraphContext<BusinessLoaders>,
    @Arg('scope', () => StatsScope, {
      nullable: true,
      defaultValue: StatsScope.SUBTREE,
      description: 'SUBTREE (default): the unit and all units below it; OWN: the unit alone (zero above commune level, where no enterprise is placed).',
    })
    scope: StatsScope | null,
  ): Promise<BusinessStats | null> {
    return ctx.loaders.businessStats.load(statsKey(unit.id, scope ?? StatsScope.SUBTREE));
  }
}
