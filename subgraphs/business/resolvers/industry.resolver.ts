import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { BadUserInputError, SubgraphContext } from '../../kit';
import { Industry } from '../entities/industry';
import { IndustrySection } from '../entities/industry-section';
import { SECTION_RE } from './business-where';
import { Public } from '../../kit/classification';

@Resolver(() => Industry)
export class IndustryResolver {
  @Public()
  @Query(() => [Industry], { description: 'The VSIC 2018 classes used in the registry, by code; only those of one section when `section` is given.' })
  industries(
    @Ctx() ctx: SubgraphContext<unknown>,
    @Arg('section', () => String, { nullable: true, description: 'VSIC 2018 section letter A–U (upper case).' }) section?: string | null,
  ): Promise<Industry[]> {
    if (section != null && !SECTION_RE.test(section)) {
      throw new BadUserInputError(`section must be one VSIC 2018 section letter from A to U (upper case), got ${JSON.stringify(section.slice(0, 10))}`, 'section');
    }
    return ctx.em.find(Industry, section == null ? {} : { section }, { orderBy: { code: 'asc' } });
  }

  @Public()
  @Query(() => [IndustrySection], { description: 'The 21 sections of VSIC 2018 (ngành cấp 1), A–U.' })
  industrySections(@Ctx() ctx: SubgraphContext<unknown>): Promise<IndustrySection[]> {
    return ctx.em.find(IndustrySection, {}, { orderBy: { letter: 'asc' } });
  }
}
