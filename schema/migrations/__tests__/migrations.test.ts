import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../../subgraphs/kit/config';
import type { Store } from '../../../subgraphs/kit/migrations';
import { openDatabase } from '../../../subgraphs/kit/orm';
import { pendingSchemaChanges } from '../diff';
import { ownedStores } from '../stores';

const postgresUrl = process.env.TEST_DATABASE_URL;
const dialect = postgresUrl ? 'postgresql' : 'sqlite';

function scratchConfig(label: string): DatabaseConfig {
  if (postgresUrl) return { kind: 'postgresql', url: postgresUrl, schema: `${process.env.DB_SCHEMA_PREFIX ?? ''}mig_${label}_${process.pid}` };
  return { kind: 'sqlite', file: path.join(mkdtempSync(path.join(os.tmpdir(), 'bdg-test-mig-')), `${label}.sqlite`) };
}

async function countRows(config: DatabaseConfig, store: Store, table: string): Promise<number> {
  const database = await openDatabase(config, store);
  try {
    const qualified = config.kind === 'postgresql' ? `"${config.schema}"."${table}"` : `"${table}"`;
    const [row] = await database.orm.em.getConnection().execute(`select count(*) as n from ${qualified}`);
    return Number(row.n);
  } finally {
    await database.close();
  }
}

describe(`migrations on ${dialect}`, () => {
  test.each(Object.keys(ownedStores()))('%s: its migrations build exactly what its entities declare', async (name) => {
    const { store } = ownedStores()[name];
    expect(store.migrations.length).toBeGreaterThan(0);
    expect(await pendingSchemaChanges(store, dialect, postgresUrl ?? '')).toEqual([]);
  });

  const population = ownedStores().population.store;
  const firstOnly: Store = { ...population, migrations: population.migrations.slice(0, 1) };
  const citizenRow = `('c-1', '074190000001', 'Nguyễn Văn A', 'nguyen van a', '1990-01-01', 'MALE', 'Kinh', '25747', '718', 'h-1', 1)`;
  const insertCitizen = (qualified: string) => `insert into ${qualified} (id, cccd, full_name, search_name, birth_date, gender, ethnicity, residence_id, district_id, household_id, electronic_id_level) values ${citizenRow}`;

  test('an upgrade applies only the new migrations and keeps the rows', async () => {
    expect(population.migrations.length).toBeGreaterThan(1);
    const config = scratchConfig('upgrade');
    const old = await openDatabase(config, firstOnly);
    expect(old.migrationsApplied).toEqual([population.migrations[0].name]);
    await old.orm.em.getConnection().execute(insertCitizen(config.kind === 'postgresql' ? `"${config.schema}"."citizen"` : 'citizen'));
    await old.close();

    const upgraded = await openDatabase(config, population);
    expect(upgraded.migrationsApplied).toEqual(population.migrations.slice(1).map((m) => m.name));
    await upgraded.close();
    expect(await countRows(config, population, 'citizen')).toBe(1);

    const again = await openDatabase(config, population);
    expect(again.migrationsApplied).toEqual([]);
    await again.close();
  });

  test('a database built by schema sync before migrations existed is adopted, its rows kept', async () => {
    const config = scratchConfig('adopt');
    const old = await openDatabase(config, firstOnly);
    const connection = old.orm.em.getConnection();
    const qualify = (table: string) => (config.kind === 'postgresql' ? `"${config.schema}"."${table}"` : table);
    await connection.execute(insertCitizen(qualify('citizen')));
    await connection.execute(`drop table ${qualify('schema_migrations')}`);
    await old.close();

    const adopted = await openDatabase(config, population);
    expect(adopted.migrationsApplied).toEqual(population.migrations.slice(1).map((m) => m.name));
    await adopted.close();
    expect(await countRows(config, population, 'citizen')).toBe(1);
  });
});
