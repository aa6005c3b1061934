import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, isWellFormedTaxCode, pageRequest, SubgraphContext, toConnection } from '../../kit';
import { Business } from '../entities/business';
import { Industry } from '../entities/industry';
import { AdministrativeUnitRef, CitizenRef } from '../entities/stubs';
import type { BusinessLoaders } from '../loaders';
import { BusinessConnection } from '../types/business-connection';
import { BusinessesArgs } from '../types/businesses-args';
import { businessWhere } from './business-where';
import { BasicPersonal, Public } from '../../kit/classification';

type Context = SubgraphContext<BusinessLoaders>;

@Resolver(() => Business)
export class BusinessResolver {
  @Public()
  @Query(() => Business, {
    nullable: true,
    description: 'The enterprise with this tax code, or null when none is registered. A malformed code (not 10 digits with a valid check digit) is a BAD_USER_INPUT error.',
  })
  async business(
    @Arg('taxCode', () => ID, { description: 'Enterprise code / tax code (mã số thuế), 10 digits, e.g. "3701000003".' }) taxCode: string,
    @Ctx() ctx: Context,
  ): Promise<Business | null> {
    if (!isWellFormedTaxCode(taxCode)) {
      throw new BadUserInputError(`taxCode must be a tax code of 10 digits with a valid mod-11 check digit (optionally "-001"…"-999" for a branch), got ${JSON.stringify(taxCode.slice(0, 20))}`, 'taxCode');
    }
    return ctx.loaders.business.load(taxCode);
  }

  @Public()
  @Query(() => BusinessConnection, { description: 'Enterprises matching the filter, ordered by tax code, one page at a time.' })
  async businesses(@Args(() => BusinessesArgs) { filter, first, after }: BusinessesArgs, @Ctx() ctx: Context): Promise<BusinessConnection> {
    const page = pageRequest({ first, after });
    const where = businessWhere(filter);
    const pageWhere = page.afterKey === null ? where : { $and: [where, { taxCode: { $gt: page.afterKey } }] };
    const [rows, totalCount] = await Promise.all([
      ctx.em.find(Business, pageWhere, { orderBy: { taxCode: 'asc' }, limit: page.first + 1 }),
      ctx.em.count(Business, where),
    ]);
    return toConnection(rows, page, (b) => b.taxCode, totalCount) as BusinessConnection;
  }

  @Public()
  @FieldResolver(() => Industry, { description: 'Main economic activity (ngành nghề kinh doanh chính), a VSIC 2018 class.' })
  async industry(@Root() business: Business, @Ctx() ctx: Context): Promise<Industry> {
    const industry = await ctx.loaders.industry.load(business.industryCode);
    if (!industry) throw new Error(`industry ${business.industryCode} of business ${business.taxCode} is missing from the catalogue`);
    return industry;
  }

  @Public()
  @FieldResolver(() => AdministrativeUnitRef, { nullable: true, description: 'Commune (ward, township) of the head office (địa chỉ trụ sở chính).' })
  address(@Root() business: Business): AdministrativeUnitRef {
    return { id: business.communeId };
  }

  @BasicPersonal()
  @FieldResolver(() => CitizenRef, { nullable: true, description: 'Legal representative (người đại diện theo pháp luật). [basic]' })
  legalRepresentative(@Root() business: Business): CitizenRef {
    return { id: business.legalRepresentativeId };
  }
}
