import { EntityManager, raw } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { AdministrativeLevel, groupedInKeyOrder, inKeyOrder, REFERENCE_DATE, StatsScope } from '../kit';
import { AdministrativeUnit } from './entities/administrative-unit.entity';
import { Citizen } from './entities/citizen.entity';
import { Household } from './entities/household.entity';

// Every batch function runs ONE SQL statement (population: at most one per unit level) and
// answers in key order, same length, null (or []) for a missing key: the DataLoader contract.

/** Which units' population to count, and how. */
export interface PopulationKey {
  unitId: string;
  level: AdministrativeLevel;
  scope: StatsScope;
}

export interface PopulationLoaders {
  citizen: DataLoader<string, Citizen | null>;
  citizenByCccd: DataLoader<string, Citizen | null>;
  household: DataLoader<string, Household | null>;
  householdMembers: DataLoader<string, Citizen[]>;
  unit: DataLoader<string, AdministrativeUnit | null>;
  unitChildren: DataLoader<string, AdministrativeUnit[]>;
  population: DataLoader<PopulationKey, number, string>;
}

/** Units in force on a date: validFrom <= on and (validTo is null or on <= validTo). */
export function inForceOn(on: string) {
  return { validFrom: { $lte: on }, $or: [{ validTo: null }, { validTo: { $gte: on } }] };
}

/** Resident counts per key of one column (`residence_id` or `district_id`), as one GROUP BY. */
async function countsBy(em: EntityManager, column: 'residenceId' | 'districtId', ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows: Record<string, string | number>[] = await (em as SqlEntityManager)
    .createQueryBuilder(Citizen)
    .select([column, raw('count(*) as n')])
    .where({ [column]: { $in: ids } })
    .groupBy(column)
    .execute('all');
  // PostgreSQL returns count(*) as a bigint string.
  return new Map(rows.map((row) => [String(row[column]), Number(row.n)]));
}

/**
 * Residents are placed at communes, so: a commune's count is by `residence_id`, a district's
 * SUBTREE by the denormalised `district_id`, the province's SUBTREE is every resident, and
 * OWN above commune level is 0. At most three statements per batch, whatever its size.
 */
async function countPopulation(em: EntityManager, keys: readonly PopulationKey[]): Promise<number[]> {
  const communes = keys.filter((k) => k.level === AdministrativeLevel.COMMUNE).map((k) => k.unitId);
  const districts = keys.filter((k) => k.level === AdministrativeLevel.DISTRICT && k.scope === StatsScope.SUBTREE).map((k) => k.unitId);
  const needsProvince = keys.some((k) => k.level === AdministrativeLevel.PROVINCE && k.scope === StatsScope.SUBTREE);
  const [byCommune, byDistrict, provinceTotal] = await Promise.all([
    countsBy(em, 'residenceId', [...new Set(communes)]),
    countsBy(em, 'districtId', [...new Set(districts)]),
    needsProvince ? em.count(Citizen, {}) : Promise.resolve(0),
  ]);
  return keys.map((key) => {
    if (key.level === AdministrativeLevel.COMMUNE) return byCommune.get(key.unitId) ?? 0;
    if (key.scope === StatsScope.OWN) return 0;
    if (key.level === AdministrativeLevel.DISTRICT) return byDistrict.get(key.unitId) ?? 0;
    return provinceTotal;
  });
}

export function createLoaders(em: EntityManager): PopulationLoaders {
  return {
    citizen: new DataLoader(async (ids) => inKeyOrder(ids, await em.find(Citizen, { id: { $in: [...ids] } }), (c) => c.id)),
    citizenByCccd: new DataLoader(async (cccds) => inKeyOrder(cccds, await em.find(Citizen, { cccd: { $in: [...cccds] } }), (c) => c.cccd)),
    household: new DataLoader(async (ids) => inKeyOrder(ids, await em.find(Household, { id: { $in: [...ids] } }), (h) => h.id)),
    householdMembers: new DataLoader(async (ids) =>
      groupedInKeyOrder(ids, await em.find(Citizen, { householdId: { $in: [...ids] } }, { orderBy: { householdId: 'asc', birthDate: 'asc', id: 'asc' } }), (c) => c.householdId),
    ),
    unit: new DataLoader(async (ids) => inKeyOrder(ids, await em.find(AdministrativeUnit, { id: { $in: [...ids] } }), (u) => u.id)),
    unitChildren: new DataLoader(async (parentIds) =>
      groupedInKeyOrder(
        parentIds,
        await em.find(AdministrativeUnit, { parentId: { $in: [...parentIds] }, ...inForceOn(REFERENCE_DATE) }, { orderBy: { id: 'asc' } }),
        (u) => u.parentId as string,
      ),
    ),
    population: new DataLoader((keys) => countPopulation(em, keys), { cacheKeyFn: (k) => `${k.unitId}|${k.scope}` }),
  };
}
