import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { AdministrativeLevel, BadUserInputError, pageRequest, PROVINCE_ID, StatsScope, SubgraphContext, toConnection, unitById } from '../../kit';
import { selectorFor, StatsQueryKey } from '../sql/dossier-stats';
import { Dossier } from '../entities/dossier';
import { Procedure } from '../entities/procedure';
import { OnlineServiceLevel } from '../enums';
import type { DossierLoaders } from '../loaders';
import { DossierConnection } from '../types/dossier-connection';
import { DossierFilter } from '../types/dossier-filter';
import { checkDossierCode, checkProcedureCode, submittedRange } from '../validation';
import { Public } from '../../kit/classification';

type Context = SubgraphContext<DossierLoaders>;

/** The dossier conditions of a filter (without the paging cursor). */
function dossierWhere(filter: DossierFilter | null | undefined): FilterQuery<Dossier> {
  const where: FilterQuery<Dossier> & Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.receivingUnitId != null) {
    const unit = unitById(filter.receivingUnitId);
    if (!unit) {
      throw new BadUserInputError(`filter.receivingUnitId "${filter.receivingUnitId}" is not a unit of the province; pass a GSO code from administrativeUnits, e.g. "74", "718" or "25741"`, 'filter');
    }
    if (unit.level === AdministrativeLevel.DISTRICT) where.receivingDistrictId = unit.id;
    else if (unit.id !== PROVINCE_ID) where.receivingUnitId = unit.id;
  }
  if (filter.procedureCode != null) where.procedureCode = checkProcedureCode(filter.procedureCode, 'filter.procedureCode');
  if (filter.status != null) where.status = filter.status;
  if (filter.channel != null) where.channel = filter.channel;
  if (filter.submittedFrom || filter.submittedTo) {
    const range = submittedRange(filter.submittedFrom, filter.submittedTo, ['filter.submittedFrom', 'filter.submittedTo']);
    where.submittedAt = { $gte: range.fromUtc, $lt: range.toUtcExclusive };
  }
  return where;
}

/**
 * The key of the daily roll-up that counts a filter's dossiers, when the filter is a unit and a
 * period only (the roll-up's dimensions); null when it needs the dossier rows (procedure,
 * status or channel). Keeps totalCount of a listing from counting up to 1.9 million rows.
 */
function rollupCountKey(filter: DossierFilter | null | undefined): StatsQueryKey | null {
  if (filter && (filter.procedureCode != null || filter.status != null || filter.channel != null)) return null;
  const unit = unitById(filter?.receivingUnitId ?? PROVINCE_ID);
  if (!unit) return null;
  const range = submittedRange(filter?.submittedFrom, filter?.submittedTo, ['filter.submittedFrom', 'filter.submittedTo']);
  return { selector: selectorFor(unit.id, unit.level, StatsScope.SUBTREE), unitId: unit.id, ...range };
}

@Resolver()
export class DossierQueryResolver {
  @Public()
  @Query(() => Dossier, { nullable: true, description: 'A dossier by its code; null when no dossier has that code.' })
  dossier(@Arg('code', () => ID, { description: 'Dossier code, e.g. "000.00.21.H09-231204-0042".' }) code: string, @Ctx() ctx: Context): Promise<Dossier | null> {
    return ctx.loaders.dossierByCode.load(checkDossierCode(code, 'code'));
  }

  @Public()
  @Query(() => DossierConnection, { description: 'Dossiers matching a filter, ordered by code (keyset paging).' })
  async dossiers(
    @Arg('filter', () => DossierFilter, { nullable: true, description: 'Conditions the dossiers must all meet; none lists every dossier.' }) filter: DossierFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: 20 by default, at most 100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts (endCursor of the previous page).' }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<DossierConnection> {
    const page = pageRequest({ first, after });
    const where = dossierWhere(filter);
    const pageWhere = page.afterKey === null ? where : { $and: [where, { code: { $gt: page.afterKey } }] };
    const countKey = rollupCountKey(filter);
    const [rows, total] = await Promise.all([
      ctx.em.find(Dossier, pageWhere as FilterQuery<Dossier>, { orderBy: { code: 'asc' }, limit: page.first + 1 }),
      countKey ? ctx.loaders.dossierCounts.load(countKey).then((counts) => counts.total) : ctx.em.count(Dossier, where),
    ]);
    return toConnection(rows, page, (d) => d.code, total);
  }

  @Public()
  @Query(() => Procedure, { nullable: true, description: 'A procedure by its national code; null when the catalogue has no such procedure.' })
  procedure(@Arg('code', () => ID, { description: 'National procedure code, e.g. "1.000494".' }) code: string, @Ctx() ctx: Context): Promise<Procedure | null> {
    return ctx.loaders.procedureByCode.load(checkProcedureCode(code, 'code'));
  }

  @Public()
  @Query(() => [Procedure], { description: 'Procedures of the catalogue, ordered by code, optionally of one field and online level.' })
  procedures(
    @Arg('field', () => String, { nullable: true, description: 'Only procedures of this field (lĩnh vực), exactly as in Procedure.field, e.g. "Hộ tịch".' }) field: string | null,
    @Arg('onlineService', () => OnlineServiceLevel, { nullable: true, description: 'Only procedures offered at this online level.' }) onlineService: OnlineServiceLevel | null,
    @Ctx() ctx: Context,
  ): Promise<Procedure[]> {
    const where: FilterQuery<Procedure> & Record<string, unknown> = {};
    if (field != null) where.field = field;
    if (onlineService != null) where.onlineService = onlineService;
    return ctx.em.find(Procedure, where, { orderBy: { code: 'asc' } });
  }
}
