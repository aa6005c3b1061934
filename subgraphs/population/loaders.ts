import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { AdministrativeLevel, groupedInKeyOrder, inKeyOrder, isReorganisedUnit, StatsScope } from '../kit';
import { AdministrativeUnit } from './entities/administrative-unit.entity';
import { Citizen } from './entities/citizen.entity';
import { Household } from './entities/household.entity';
import { UnitResidents } from './entities/unit-residents.entity';

// Every batch function runs ONE SQL statement and
// answers in key order, same length, null (or []) for a missing key: the DataLoader contract.

/** The citizen columns that place residents at units: the 2020–2025 commune and district, the commune since 2025-07-01. */
type ResidenceColumn = 'residenceId' | 'districtId' | 'residence2025Id';

/**
 * What one unit's population counts: the residents whose `column` is the unit (`by`), every
 * resident placed in the period of `column` (`all`, a province), or nobody (`none`).
 */
export type PopulationKey =
  | { unitId: string; count: 'by' | 'all'; column: ResidenceColumn }
  | { unitId: string; count: 'none' };

/**
 * Residents are placed at communes of both periods, so: a commune's count is by its residence
 * column, a 2020–2025 district's SUBTREE by the denormalised `district_id`, a province's SUBTREE
 * every resident of its period (Ho Chi Minh City: the former province, the only part held
 * here), and OWN above commune level is 0.
 */
export function populationKey(unit: Pick<AdministrativeUnit, 'id' | 'level' | 'validFrom'>, scope: StatsScope): PopulationKey {
  const reorganised = isReorganisedUnit(unit);
  if (unit.level === AdministrativeLevel.COMMUNE) return { unitId: unit.id, count: 'by', column: reorganised ? 'residence2025Id' : 'residenceId' };
  if (scope === StatsScope.OWN) return { unitId: unit.id, count: 'none' };
  if (unit.level === AdministrativeLevel.DISTRICT) return { unitId: unit.id, count: 'by', column: 'districtId' };
  return { unitId: unit.id, count: 'all', column: reorganised ? 'residence2025Id' : 'residenceId' };
}

export interface PopulationLoaders {
  citizen: DataLoader<string, Citizen | null>;
  citizenByCccd: DataLoader<string, Citizen | null>;
  household: DataLoader<string, Household | null>;
  householdMembers: DataLoader<string, Citizen[]>;
  unit: DataLoader<string, AdministrativeUnit | null>;
  population: DataLoader<PopulationKey, number, string>;
}

/** Units in force on a date: validFrom <= on and (validTo is null or on <= validTo). */
export function inForceOn(on: string) {
  return { validFrom: { $lte: on }, $or: [{ validTo: null }, { validTo: { $gte: on } }] };
}

/** Residents of every unit of the batch from the roll-up, in ONE statement (a key of scope OWN above commune level is 0). */
async function countPopulation(em: EntityManager, keys: readonly PopulationKey[]): Promise<number[]> {
  const ids = [...new Set(keys.filter((k) => k.count !== 'none').map((k) => k.unitId))];
  const rows = ids.length === 0 ? [] : await em.find(UnitResidents, { unitId: { $in: ids } });
  const residents = new Map(rows.map((r) => [r.unitId, r.residents]));
  return keys.map((key) => (key.count === 'none' ? 0 : residents.get(key.unitId) ?? 0));
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
    population: new DataLoader((keys) => countPopulation(em, keys), { cacheKeyFn: (k) => (k.count === 'none' ? `${k.unitId}|none` : `${k.unitId}|${k.count}:${k.column}`) }),
  };
}
