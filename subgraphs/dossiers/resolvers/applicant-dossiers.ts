import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { pageRequest, SubgraphContext, toConnection } from '../../kit';
import { ApplicantType, DossierStatus } from '../enums';
import type { DossierLoaders } from '../loaders';
import { DossierConnection } from '../types/dossier-connection';
import { BusinessRef, CitizenRef } from '../types/references';
import { BasicPersonal, Public } from '../../kit/classification';

type Context = SubgraphContext<DossierLoaders>;

/** One applicant's dossiers by code: page and totalCount come from batched loaders (one statement each per request). */
async function applicantDossiers(ctx: Context, applicantType: ApplicantType, applicantId: string, status: DossierStatus | null, first: number | null, after: string | null): Promise<DossierConnection> {
  const page = pageRequest({ first, after });
  const filter = { applicantType, applicantId, status: status ?? null };
  const [rows, total] = await Promise.all([
    ctx.loaders.applicantDossiers.load({ ...filter, first: page.first, afterKey: page.afterKey }),
    ctx.loaders.applicantDossierCount.load(filter),
  ]);
  return toConnection(rows, page, (d) => d.code, total);
}

const STATUS = { nullable: true, description: 'Only dossiers with this status.' } as const;
const FIRST = { nullable: true, description: 'Page size: 20 by default, at most 100.' } as const;
const AFTER = { nullable: true, description: 'Cursor after which the page starts (endCursor of the previous page).' } as const;

@Resolver(() => CitizenRef)
export class CitizenDossiersResolver {
  @BasicPersonal()
  @FieldResolver(() => DossierConnection, { nullable: true, description: 'Dossiers the citizen submitted, ordered by code. [basic]' })
  dossiers(
    @Root() citizen: CitizenRef,
    @Arg('status', () => DossierStatus, STATUS) status: DossierStatus | null,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<DossierConnection> {
    return applicantDossiers(ctx, ApplicantType.CITIZEN, citizen.id, status, first, after);
  }
}

@Resolver(() => BusinessRef)
export class BusinessDossiersResolver {
  @Public()
  @FieldResolver(() => DossierConnection, { nullable: true, description: 'Dossiers the enterprise submitted, ordered by code.' })
  dossiers(
    @Root() business: BusinessRef,
    @Arg('status', () => DossierStatus, STATUS) status: DossierStatus | null,
    @Arg('first', () => Int, FIRST) first: number | null,
    @Arg('after', () => String, AFTER) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<DossierConnection> {
    return applicantDossiers(ctx, ApplicantType.BUSINESS, business.taxCode, status, first, after);
  }
}
