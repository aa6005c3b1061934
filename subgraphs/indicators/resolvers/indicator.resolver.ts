import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit';
import { Indicator } from '../entities/indicator';
import { Sector } from '../entities/sector';
import type { IndicatorsLoaders } from '../loaders';
import { Observation } from '../types/observation';
import { SeriesArgs } from './args';
import { requireUnit, requireWindow } from './validation';
import { Public } from '../../kit/classification';

type Context = SubgraphContext<IndicatorsLoaders>;

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Public()
  @FieldResolver(() => Sector, { description: 'The sector (lĩnh vực) the indicator belongs to.' })
  async sector(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<Sector> {
    const sector = await ctx.loaders.sector.load(indicator.sectorCode);
    if (!sector) throw new Error(`Indicator ${indicator.code} names the unknown sector ${indicator.sectorCode}`);
    return sector;
  }

  @Public()
  @FieldResolver(() => [Observation], {
    description:
      'Observations of the unit whose period ends within [from, to] (inclusive dates), in time order: the unit\'s own or, when it reports none of its own, one per period rolled up from its child units.',
  })
  series(@Root() indicator: Indicator, @Ctx() ctx: Context, @Args(() => SeriesArgs) { unitId, from, to }: SeriesArgs): Promise<Observation[]> {
    requireUnit(unitId, 'unitId');
    requireWindow(from, to);
    return ctx.loaders.series.load({ indicatorCode: indicator.code, unitId, from: from ?? null, to: to ?? null });
  }

  @Public()
  @FieldResolver(() => Observation, {
    nullable: true,
    description: 'The unit\'s latest observation or, when it reports none of its own, its child units\' latest period rolled up by the indicator\'s rule; null when there is neither.',
  })
  latest(
    @Root() indicator: Indicator,
    @Ctx() ctx: Context,
    @Arg('unitId', () => ID, { description: 'AdministrativeUnit id (GSO code), e.g. "74" or "721".' }) unitId: string,
  ): Promise<Observation | null> {
    requireUnit(unitId, 'unitId');
    return ctx.loaders.latest.load({ indicatorCode: indicator.code, unitId });
  }
}
