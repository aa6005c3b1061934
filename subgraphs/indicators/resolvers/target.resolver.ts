import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar, REFERENCE_DATE, SubgraphContext } from '../../kit';
import { targetStatus } from '../domain/target-status';
import { TargetStatus } from '../entities/enums';
import { Indicator } from '../entities/indicator';
import { Target } from '../entities/target';
import type { IndicatorsLoaders } from '../loaders';
import { AdministrativeUnitRef } from '../types/administrative-unit';
import { Observation } from '../types/observation';
import { Public } from '../../kit/classification';

type Context = SubgraphContext<IndicatorsLoaders>;

async function indicatorOf(target: Target, ctx: Context): Promise<Indicator> {
  const indicator = await ctx.loaders.indicator.load(target.indicatorCode);
  if (!indicator) throw new Error(`Target ${target.id} names the unknown indicator ${target.indicatorCode}`);
  return indicator;
}

@Resolver(() => Target)
export class TargetResolver {
  @Public()
  @FieldResolver(() => Indicator, { description: 'The indicator the target is set on.' })
  indicator(@Root() target: Target, @Ctx() ctx: Context): Promise<Indicator> {
    return indicatorOf(target, ctx);
  }

  @Public()
  @FieldResolver(() => AdministrativeUnitRef, { nullable: true, description: 'The administrative unit the target is set for.' })
  unit(@Root() target: Target): AdministrativeUnitRef {
    return { id: target.unitId };
  }

  @Public()
  @FieldResolver(() => TargetStatus, { description: 'Status as of `asOf` by the rule in the type\'s description.' })
  async status(
    @Root() target: Target,
    @Ctx() ctx: Context,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Date of the assessment; default the reference date 2024-09-30. Observations whose period ends after it do not count.' })
    asOf?: string | null,
  ): Promise<TargetStatus> {
    const date = asOf ?? REFERENCE_DATE;
    const [indicator, observations] = await Promise.all([
      indicatorOf(target, ctx),
      ctx.loaders.series.load({ indicatorCode: target.indicatorCode, unitId: target.unitId, from: null, to: date }),
    ]);
    return targetStatus({ targetValue: target.targetValue, deadline: target.deadline, higherIsBetter: indicator.higherIsBetter }, observations, date);
  }

  @Public()
  @FieldResolver(() => Observation, { nullable: true, description: 'The unit\'s latest observation of the indicator (own, else rolled up from its child units); null when there is none.' })
  latest(@Root() target: Target, @Ctx() ctx: Context): Promise<Observation | null> {
    return ctx.loaders.latest.load({ indicatorCode: target.indicatorCode, unitId: target.unitId });
  }
}
