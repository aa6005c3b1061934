import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit';
import { Indicator } from '../entities/indicator';
import { Sector } from '../entities/sector';
import type { IndicatorsLoaders } from '../loaders';
import { Observation } from '../types/observation';
import { CompareArgs, SeriesArgs, SeriesAtArgs } from './args';
import { requireCompareUnits, requireGranularity, requireUnit, requireWindow } from './validation';
import { UnitSeries } from '../types/unit-series';
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

  @Public()
  @FieldResolver(() => [Observation], {
    description:
      'The unit\'s series bucketed at a granularity (chuỗi số liệu theo chu kỳ), in time order. Per period the value is the unit\'s own observation or, when the unit reports none of its own, its child units\' values rolled up as in `series`; each bucket (the week, month, quarter or year holding the period end) then aggregates its periods by `Indicator.aggregation`: SUM → sum (tổng), AVERAGE and WEIGHTED_AVERAGE → mean of the periods\' values (bình quân; across units the stated weight already applies), LAST → the value of the latest period (kỳ cuối). `period`, `periodStart` and `periodEnd` are the bucket\'s; `contributingUnits` is the most units any of its periods combined. Buckets with no observation are left out.',
  })
  seriesAt(@Root() indicator: Indicator, @Ctx() ctx: Context, @Args(() => SeriesAtArgs) { unitId, granularity, from, to }: SeriesAtArgs): Promise<Observation[]> {
    requireUnit(unitId, 'unitId');
    requireWindow(from, to);
    requireGranularity(indicator.code, indicator.frequency, granularity);
    return ctx.loaders.seriesAt.load({ indicatorCode: indicator.code, unitId, granularity, from: from ?? null, to: to ?? null });
  }

  @Public()
  @FieldResolver(() => [UnitSeries], {
    description:
      'Several units\' series of the indicator at one granularity, side by side (so sánh giữa các đơn vị): for each unit, in the order given, the same list as `seriesAt`. One SQL statement for all units; at most 100 units.',
  })
  async compare(@Root() indicator: Indicator, @Ctx() ctx: Context, @Args(() => CompareArgs) { unitIds, granularity, from, to }: CompareArgs): Promise<UnitSeries[]> {
    const units = requireCompareUnits(unitIds);
    requireWindow(from, to);
    requireGranularity(indicator.code, indicator.frequency, granularity);
    const series = await ctx.loaders.seriesAt.loadMany(units.map((unitId) => ({ indicatorCode: indicator.code, unitId, granularity, from: from ?? null, to: to ?? null })));
    return units.map((unitId, i) => {
      const observations = series[i];
      if (observations instanceof Error) throw observations;
      return { unitId, unit: { id: unitId }, observations };
    });
  }
}
