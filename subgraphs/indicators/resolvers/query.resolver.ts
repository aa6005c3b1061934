import type { SqlEntityManager } from '@mikro-orm/knex';
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { BadUserInputError, pageRequest, SubgraphContext, toConnection } from '../../kit';
import { containsPattern } from '../domain/normalise';
import { Indicator } from '../entities/indicator';
import { Sector } from '../entities/sector';
import type { IndicatorsLoaders } from '../loaders';
import { IndicatorConnection } from '../types/indicator-connection';
import { IndicatorsArgs } from './args';
import { MAX_SEARCH_LENGTH } from './validation';
import { Public } from '../../kit/classification';

type Context = SubgraphContext<IndicatorsLoaders>;

@Resolver()
export class IndicatorQueryResolver {
  @Public()
  @Query(() => Indicator, { nullable: true, description: 'One indicator by its code, e.g. "DVC-001"; null when no indicator has that code.' })
  indicator(@Arg('code', () => ID, { description: 'Indicator code, e.g. "DVC-001".' }) code: string, @Ctx() ctx: Context): Promise<Indicator | null> {
    return ctx.loaders.indicator.load(code);
  }

  @Public()
  @Query(() => IndicatorConnection, { description: 'The indicator catalogue (over 1,000 indicators in 27 sectors), in code order, optionally filtered by sector and name.' })
  async indicators(@Ctx() ctx: Context, @Args(() => IndicatorsArgs) { sector, search, first, after }: IndicatorsArgs): Promise<IndicatorConnection> {
    const page = pageRequest({ first, after });
    if (search && search.length > MAX_SEARCH_LENGTH) {
      throw new BadUserInputError(`\`search\` is ${search.length} characters long; pass at most ${MAX_SEARCH_LENGTH}`, 'search');
    }
    const em = ctx.em as SqlEntityManager;
    const filtered = () => {
      const qb = em.createQueryBuilder(Indicator, 'i');
      if (sector != null) qb.andWhere({ sectorCode: sector });
      if (search && search.trim()) qb.andWhere(`i.name_normalised like ? escape '!'`, [containsPattern(search)]);
      return qb;
    };
    const pageQuery = filtered();
    if (page.afterKey !== null) pageQuery.andWhere({ code: { $gt: page.afterKey } });
    const [rows, totalCount] = await Promise.all([
      pageQuery.orderBy({ code: 'asc' }).limit(page.first + 1).getResultList(),
      filtered().getCount(),
    ]);
    return toConnection(rows, page, (i) => i.code, totalCount) as IndicatorConnection;
  }

  @Public()
  @Query(() => [Sector], { description: 'The 27 sectors of the indicator catalogue, in code order.' })
  sectors(@Ctx() ctx: Context): Promise<Sector[]> {
    return ctx.em.find(Sector, {}, { orderBy: { code: 'asc' } });
  }
}
