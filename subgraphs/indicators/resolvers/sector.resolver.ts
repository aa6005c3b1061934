import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit';
import { Sector } from '../entities/sector';
import type { IndicatorsLoaders } from '../loaders';
import { Public } from '../../kit/classification';

@Resolver(() => Sector)
export class SectorResolver {
  @Public()
  @FieldResolver(() => Int, { description: 'Number of indicators in the sector.' })
  indicatorCount(@Root() sector: Sector, @Ctx() ctx: SubgraphContext<IndicatorsLoaders>): Promise<number> {
    return ctx.loaders.sectorIndicatorCount.load(sector.code);
  }
}
