import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { Client } from 'pg';
import { allUnits, createLogger, silentProgress, Database, isReorganisedUnit, openDatabase, RunningSubgraph, successorsOf, unitsOverTime } from '../../kit';
import type { DatabaseConfig } from '../../kit/config';
import { subgraph } from '..';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Citizen } from '../entities/citizen.entity';
import { Household } from '../entities/household.entity';
import { seedPopulation } from '../seed';
import { generateHouseholds } from '../seed/generate';
import { residence2025Of } from '../seed/residence-2025';
import { SUCCESSOR_CODES, UNITS_2025 } from '../migrations/20261122190131-add-residence-2025';
import { startPopulation } from './support';

// Where residents live from 2025-07-01: each household, whole, in one successor of its commune,
// the same on every seed, and the same when the migration fills a database seeded before.

const postgresUrl = process.env.TEST_DATABASE_URL;
const scale = () => Number(process.env.SEED_SCALE);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const scratchFolders: string[] = [];
const scratchSchemas: string[] = [];

/** A database of its own for one test, on the run's engine. */
function scratchConfig(label: string): DatabaseConfig {
  if (postgresUrl) {
    const schema = `${process.env.DB_SCHEMA_PREFIX ?? ''}pop2025_${label}_${process.pid}`;
    scratchSchemas.push(schema);
    return { kind: 'postgresql', url: postgresUrl, schema };
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), 'bdg-test-pop2025-'));
  scratchFolders.push(folder);
  return { kind: 'sqlite', file: path.join(folder, `${label}.sqlite`) };
}

async function withDatabase<T>(config: DatabaseConfig, store: typeof subgraph, use: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config, store);
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

/** `id → residence_2025_id` of every citizen and household of a database. */
async function assignments(database: Database): Promise<Map<string, string | null>> {
  const em = database.orm.em.fork();
  const [citizens, households] = await Promise.all([em.find(Citizen, {}, { fields: ['id', 'residence2025Id'] }), em.find(Household, {}, { fields: ['id', 'residence2025Id'] })]);
  return new Map([...citizens, ...households].map((row) => [row.id, row.residence2025Id]));
}

let running: RunningSubgraph;
let citizens: Citizen[];
let households: Household[];

beforeAll(async () => {
  running = await startPopulation();
  const em = running.database.orm.em.fork();
  [citizens, households] = await Promise.all([em.find(Citizen, {}), em.find(Household, {})]);
});

afterAll(async () => {
  await running.stop();
  for (const folder of scratchFolders) rmSync(folder, { recursive: true, force: true });
  if (postgresUrl && scratchSchemas.length > 0) {
    const client = new Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      for (const schema of scratchSchemas) await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  }
});

describe('the residents\' communes from 2025-07-01', () => {
  it('are one successor of their 2020–2025 commune, the same for a whole household, by the seed\'s rule', () => {
    const byHousehold = new Map(households.map((h) => [h.id, h]));
    for (const c of citizens) {
      const household = byHousehold.get(c.householdId)!;
      expect(successorsOf(c.residenceId).map((u) => u.id)).toContain(c.residence2025Id);
      expect(c.residence2025Id).toBe(household.residence2025Id);
      expect(c.residence2025Id).toBe(residence2025Of(c.householdId, c.residenceId));
    }
    for (const h of households) expect(h.residence2025Id).toBe(residence2025Of(h.id, h.residenceId));
  });

  it('split a divided commune between its successors, roughly evenly', () => {
    const split = allUnits().filter((u) => successorsOf(u.id).length > 1);
    let seen = 0;
    for (const commune of split) {
      const here = households.filter((h) => h.residenceId === commune.id);
      if (here.length < 40) continue;
      seen += 1;
      for (const successor of successorsOf(commune.id)) {
        const share = here.filter((h) => h.residence2025Id === successor.id).length / here.length;
        expect(share).toBeGreaterThan(0.25);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('are the same on a re-seed', async () => {
    const reseeded = await withDatabase(scratchConfig('reseed'), subgraph, async (database) => {
      await database.orm.em.fork().transactional((tx) => seedPopulation(tx, scale(), createLogger('population-reseed'), silentProgress));
      return assignments(database);
    });
    expect(reseeded).toEqual(await assignments(running.database));
    const generated = new Map<string, string>();
    for (const { household, members } of generateHouseholds(scale())) {
      generated.set(household.id, household.residence2025Id);
      for (const m of members) generated.set(m.id, m.residence2025Id);
    }
    expect(generated).toEqual(reseeded);
  });
});

describe('the migration that added them', () => {
  it('freezes the kit\'s 2025 units and successors', () => {
    expect(UNITS_2025.map(([id, code, name, level, parentId, communeType]) => ({ id, code, name, level, parentId, communeType, validFrom: '2025-07-01', validTo: null }))).toEqual(
      unitsOverTime().filter(isReorganisedUnit).map((u) => ({ communeType: null, ...u })),
    );
    const communes = allUnits().filter((u) => u.level === 'COMMUNE');
    expect(Object.keys(SUCCESSOR_CODES)).toEqual(communes.map((c) => c.id));
    for (const c of communes) expect(SUCCESSOR_CODES[c.id]).toBe(successorsOf(c.id).map((u) => u.code).join(' '));
  });

  it('upgrades a database seeded before it exactly as the seed now would: the 2025 units, and every resident placed', async () => {
    const config = scratchConfig('upgrade');
    const before = { ...subgraph, migrations: subgraph.migrations.slice(0, 1) };
    // The database as the seed wrote it before the reorganisation: 2020–2025 units, no 2025 column.
    await withDatabase(config, before, async (database) => {
      const knex = (database.orm.em as SqlEntityManager).getKnex();
      const table = (name: string) => (config.kind === 'postgresql' ? knex(name).withSchema(config.schema) : knex(name));
      const units = allUnits().map((u) => ({ id: u.id, code: u.code, name: u.name, level: u.level, parent_id: u.parentId, commune_type: u.communeType ?? null, valid_from: u.validFrom, valid_to: u.validTo }));
      await table('administrative_unit').insert(units);
      let rows: { households: object[]; citizens: object[] } = { households: [], citizens: [] };
      const flush = async () => {
        if (rows.households.length) await table('household').insert(rows.households);
        if (rows.citizens.length) await table('citizen').insert(rows.citizens);
        rows = { households: [], citizens: [] };
      };
      for (const { household, members } of generateHouseholds(scale())) {
        rows.households.push({ id: household.id, head_id: household.headId, residence_id: household.residenceId, district_id: household.districtId });
        for (const m of members) {
          rows.citizens.push({
            id: m.id, cccd: m.cccd, full_name: m.fullName, search_name: m.searchName, birth_date: m.birthDate, gender: m.gender, ethnicity: m.ethnicity,
            residence_id: m.residenceId, district_id: m.districtId, household_id: m.householdId, electronic_id_level: m.electronicIdLevel,
          });
        }
        if (rows.citizens.length >= 400) await flush();
      }
      await flush();
    });

    await withDatabase(config, subgraph, async (database) => {
      expect(database.migrationsApplied).toEqual(subgraph.migrations.slice(1).map((m) => m.name));
      expect(await assignments(database)).toEqual(await assignments(running.database));
      const units = await database.orm.em.fork().find(AdministrativeUnit, {});
      const record = (u: Omit<AdministrativeUnit, 'communeType'> & { communeType?: string | null }) => ({ ...u, communeType: u.communeType ?? null });
      expect(units.map(record).sort(byId)).toEqual(unitsOverTime().map(record).sort(byId));
    });
  });

  it('adds nothing to a fresh database, which the seed fills', async () => {
    await withDatabase(scratchConfig('fresh'), subgraph, async (database) => {
      expect(database.migrationsApplied).toEqual(subgraph.migrations.map((m) => m.name));
      expect(await database.orm.em.fork().count(AdministrativeUnit, {})).toBe(0);
    });
  });
});
