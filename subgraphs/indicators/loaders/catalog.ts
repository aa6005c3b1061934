import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { inKeyOrder } from '../../kit/loader-results';
import { Indicator } from '../entities/indicator';
import { Sector } from '../entities/sector';
import { Target } from '../entities/target';
import { placeholders, qualifiedTable, query } from './sql';

export function indicatorLoader(em: EntityManager): DataLoader<string, Indicator | null> {
  return new DataLoader(async (codes) => inKeyOrder(codes, await em.find(Indicator, { code: { $in: [...codes] } }), (i) => i.code));
}

export function sectorLoader(em: EntityManager): DataLoader<string, Sector | null> {
  return new DataLoader(async (codes) => inKeyOrder(codes, await em.find(Sector, { code: { $in: [...codes] } }), (s) => s.code));
}

/** Number of indicators per sector: one GROUP BY per batch. */
export function sectorIndicatorCountLoader(em: EntityManager): DataLoader<string, number> {
  const table = qualifiedTable(em, Indicator);
  return new DataLoader(async (codes) => {
    const rows = await query<{ sector_code: string; n: number | string }>(
      em,
      `select sector_code, count(*) as n from ${table} where sector_code in (${placeholders(codes.length)}) group by sector_code`,
      [...codes],
    );
    const counts = new Map(rows.map((r) => [r.sector_code, Number(r.n)]));
    return codes.map((c) => counts.get(c) ?? 0);
  });
}

export interface IndicatorSelection {
  sector: string | null;
  codes: string[] | null;
}

/**
 * The indicators a selection (sector and/or codes) names, in code order or, with codes, in
 * the order given. Every unit of a request asks with the same arguments, so this is one
 * statement per distinct selection, not per unit.
 */
export function indicatorSelectionLoader(em: EntityManager): DataLoader<IndicatorSelection, Indicator[], string> {
  return new DataLoader(
    (selections) =>
      Promise.all(
        selections.map(async ({ sector, codes }) => {
          if (codes && codes.length === 0) return [];
          const where: FilterQuery<Indicator> = {};
          if (sector !== null) where.sectorCode = sector;
          if (codes) where.code = { $in: codes };
          const found = await em.find(Indicator, where, { orderBy: { code: 'asc' } });
          if (!codes) return found;
          const byCode = new Map(found.map((i) => [i.code, i]));
          return [...new Set(codes)].flatMap((c) => byCode.get(c) ?? []);
        }),
      ),
    { cacheKeyFn: (s) => JSON.stringify([s.sector, s.codes]) },
  );
}

/** Targets per unit (all programmes, by id): one statement per batch. */
export function targetsByUnitLoader(em: EntityManager): DataLoader<string, Target[]> {
  return new DataLoader(async (unitIds) => {
    const targets = await em.find(Target, { unitId: { $in: [...unitIds] } }, { orderBy: { id: 'asc' } });
    return unitIds.map((id) => targets.filter((t) => t.unitId === id));
  });
}
