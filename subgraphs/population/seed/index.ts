import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { bulkInsert, FULL_SCALE, isPostgres, Logger, scaled, SeedProgress, unitsOverTime } from '../../kit';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Citizen } from '../entities/citizen.entity';
import { Household } from '../entities/household.entity';
import { CitizenRow, generateHouseholds, HouseholdRow } from './generate';
import { rebuildUnitResidents } from './unit-residents';

/** SQLite page cache while seeding, in KiB. */
const SEED_CACHE_KIB = 256 * 1024;

/**
 * Fills an empty database: the units of both periods (2020–2025 and since the 2025-07-01
 * reorganisation), then households and their residents, in bulk.
 */
export async function seedPopulation(em: EntityManager, scale: number, log: Logger, progress: SeedProgress): Promise<void> {
  const sqlite = !isPostgres(em);
  // Ids and CCCDs arrive in random order, so every index insert lands on a random page: with
  // SQLite's default 2 MB page cache that thrashes from about 100k rows on.
  if (sqlite) await (em as SqlEntityManager).execute(`pragma cache_size = -${SEED_CACHE_KIB}`);
  const units = unitsOverTime().map((u) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    level: u.level,
    parentId: u.parentId,
    communeType: u.communeType ?? null,
    validFrom: u.validFrom,
    validTo: u.validTo,
  }));
  await bulkInsert(em, AdministrativeUnit, units, { total: units.length, progress });

  // Households and their members come from one generator: households are kept (small) and
  // citizens streamed, so memory stays flat at 2.6 million residents.
  const households: HouseholdRow[] = [];
  function* citizens(): Generator<CitizenRow> {
    for (const { household, members } of generateHouseholds(scale)) {
      households.push(household);
      yield* members;
    }
  }
  const citizenCount = await bulkInsert(em, Citizen, citizens(), { total: scaled(FULL_SCALE.citizens, scale), progress });
  await bulkInsert(em, Household, households, { total: households.length, progress });
  const residents = progress('unit_residents', 1);
  await rebuildUnitResidents(em);
  residents.advance(1);
  residents.done();
  if (sqlite) await (em as SqlEntityManager).execute('pragma cache_size = -2000'); // back to the default
  log.info({ households: households.length, citizens: citizenCount }, 'seeded residents');
}
