import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar, StatsScope, SubgraphContext, unitById } from '../../kit';
import type { DossierLoaders } from '../loaders';
import { selectorFor } from '../sql/dossier-stats';
import { DossierStats } from '../types/dossier-stats';
import { AdministrativeUnitRef } from '../types/references';
import { submittedRange } from '../validation';
import { Public } from '../../kit/classification';

@Resolver(() => AdministrativeUnitRef)
export class AdministrativeUnitDossierStatsResolver {
  @Public()
  @FieldResolver(() => DossierStats, {
    nullable: true,
    description: 'Dossiers submitted in the period and received by the unit (scope OWN) or by it and every unit below it (SUBTREE, the default); SUBTREE = OWN + Σ children\'s SUBTREE. Null for a unit this subgraph does not know.',
  })
  async dossierStats(
    @Root() unit: AdministrativeUnitRef,
    @Arg('from', () => DateScalar, { nullable: true, description: 'First day of the period (inclusive): dossiers submitted on or after this Vietnamese calendar day.' }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Last day of the period (inclusive): dossiers submitted on or before this Vietnamese calendar day.' }) to: string | null,
    @Arg('scope', () => StatsScope, { nullable: true, defaultValue: StatsScope.SUBTREE, description: 'SUBTREE (default): the unit and every unit below it; OWN: the unit alone.' }) scope: StatsScope | null,
    @Ctx() ctx: SubgraphContext<DossierLoaders>,
  ): Promise<DossierStats | null> {
    const range = submittedRange(from, to, ['from', 'to']);
    const record = unitById(unit.id);
    if (!record) return null;
    const counts = await ctx.loaders.dossierCounts.load({ selector: selectorFor(record.id, record.level, scope ?? StatsScope.SUBTREE), unitId: record.id, ...range });
    return DossierStats.fromCounts(counts);
  }
}
