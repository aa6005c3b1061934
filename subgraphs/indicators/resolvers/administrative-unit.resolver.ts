import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SubgraphContext, unitById } from '../../kit';
import { Target } from '../entities/target';
import type { IndicatorsLoaders } from '../loaders';
import { AdministrativeUnitRef } from '../types/administrative-unit';
import { IndicatorValue } from '../types/indicator-value';
import { UnitIndicatorsArgs } from './args';
import { requireCodes } from './validation';
import { Public } from '../../kit/classification';

type Context = SubgraphContext<IndicatorsLoaders>;

/** The fields this subgraph contributes to the population subgraph's AdministrativeUnit. */
@Resolver(() => AdministrativeUnitRef)
export class AdministrativeUnitIndicatorsResolver {
  @Public()
  @FieldResolver(() => [IndicatorValue], {
    nullable: true,
    description:
      'The latest value of each selected indicator for the unit: an observation reported for the unit wins; otherwise the latest period of its child units rolled up by the indicator\'s rule (Indicator.aggregation). Null for a unit outside the province.',
  })
  async indicators(
    @Root() unit: AdministrativeUnitRef,
    @Ctx() ctx: Context,
    @Args(() => UnitIndicatorsArgs) { sector, codes }: UnitIndicatorsArgs,
  ): Promise<IndicatorValue[] | null> {
    requireCodes(codes);
    if (!unitById(unit.id)) return null;
    const indicators = await ctx.loaders.indicatorSelection.load({ sector: sector ?? null, codes: codes ?? null });
    const latest = await ctx.loaders.latest.loadMany(indicators.map((i) => ({ indicatorCode: i.code, unitId: unit.id })));
    return indicators.map((indicator, index) => {
      const value = latest[index];
      if (value instanceof Error) throw value;
      return { indicator, latest: value };
    });
  }

  @Public()
  @FieldResolver(() => [Target], { nullable: true, description: 'Programme targets set for the unit, by id. Null for a unit outside the province.' })
  async targets(
    @Root() unit: AdministrativeUnitRef,
    @Ctx() ctx: Context,
    @Arg('programme', () => String, { nullable: true, description: 'Only targets of this programme, e.g. "39-CTr/TU".' }) programme?: string | null,
  ): Promise<Target[] | null> {
    if (!unitById(unit.id)) return null;
    const targets = await ctx.loaders.targetsByUnit.load(unit.id);
    return programme == null ? targets : targets.filter((t) => t.programme === programme);
  }
}
