import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { allUnits, Logger } from '../../kit';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Citizen } from '../entities/citizen.entity';
import { Household } from '../entities/household.entity';
import { CitizenRow, generateHouseholds, HouseholdRow } from './generate';

/** Rows per INSERT: 500 × 11 columns stays far below SQLite's bound-variable limit. */
const CHUNK = 500;
/** SQLite page cache while seeding, in KiB. */
const SEED_CACHE_KIB = 256 * 1024;

/** Fills an empty database: the units of the national list, then households and their residents, in bulk. */
export async function seedPopulation(em: EntityManager, scale: number, log: Logger): Promise<void> {
  const sqlite = em.getPlatform().constructor.name.toLowerCase().includes('sqlite');
  // Ids and CCCDs arrive in random order, so every index insert lands on a random page: with
  // SQLite's default 2 MB page cache that thrashes from about 100k rows on.
  if (sqlite) await (em as SqlEntityManager).execute(`pragma cache_size = -${SEED_CACHE_KIB}`);
  const units = allUnits().map((u) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    level: u.level,
    parentId: u.parentId,
    communeType: u.communeType ?? null,
    validFrom: u.validFrom,
    validTo: u.validTo,
  }));
  await em.insertMany(AdministrativeUnit, units);
  log.info({ table: 'administrative_unit', rows: units.length }, 'seeded');

  let households: HouseholdRow[] = [];
  let citizens: CitizenRow[] = [];
  let householdCount = 0;
  let citizenCount = 0;
  const flushHouseholds = async () => {
    if (households.length === 0) return;
    await em.insertMany(Household, households);
    householdCount += households.length;
    households = [];
  };
  const flushCitizens = async () => {
    if (citizens.length === 0) return;
    await em.insertMany(Citizen, citizens);
    citizenCount += citizens.length;
    citizens = [];
    if (citizenCount % 100_000 < CHUNK) log.info({ table: 'citizen', rows: citizenCount }, 'seeding');
  };

  for (const { household, members } of generateHouseholds(scale)) {
    households.push(household);
    citizens.push(...members);
    if (households.length >= CHUNK) await flushHouseholds();
    if (citizens.length >= CHUNK) await flushCitizens();
  }
  await flushHouseholds();
  await flushCitizens();
  if (sqlite) await (em as SqlEntityManager).execute('pragma cache_size = -2000'); // back to the default
  log.info({ table: 'household', rows: householdCount }, 'seeded');
  log.info({ table: 'citizen', rows: citizenCount }, 'seeded');
}
