import { Entity, PrimaryKey } from '@mikro-orm/core';
import { Client } from 'pg';
import { defineMigration } from '../migrations';
import { openDatabase } from '../orm';

// On PostgreSQL a service introspects only its own schema, so another process dropping its
// schema at the same moment (as parallel test runs and services sharing a database do) cannot
// fail the service's start.

@Entity({ tableName: 'own_schema_probe' })
class Probe {
  @PrimaryKey({ type: 'string' })
  id!: string;
}

const PROBE_STORE = {
  name: 'probe',
  entities: [Probe],
  migrations: [defineMigration('probe-initial', { sqlite: [], postgresql: ['create table "__schema__"."own_schema_probe" ("id" varchar(255) not null, constraint "own_schema_probe_pkey" primary key ("id"))'] })],
};

const url = process.env.TEST_DATABASE_URL;
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const own = `${process.env.DB_SCHEMA_PREFIX ?? ''}ownprobe_${suffix}`;
const other = `${process.env.DB_SCHEMA_PREFIX ?? ''}otherprobe_${suffix}`;

(url ? describe : describe.skip)('openDatabase on PostgreSQL', () => {
  const client = new Client({ connectionString: url });
  beforeAll(async () => {
    await client.connect();
    await client.query(`create schema "${other}"; create table "${other}".foreign_table (id int primary key)`);
  });
  afterAll(async () => {
    await client.query(`drop schema if exists "${other}" cascade; drop schema if exists "${own}" cascade`);
    await client.end();
  });

  test('lists only the tables of its own schema', async () => {
    const database = await openDatabase({ kind: 'postgresql', url: url!, schema: own }, PROBE_STORE);
    try {
      const helper = database.orm.em.getPlatform().getSchemaHelper() as unknown as { getListTablesSQL(): string };
      const rows: { table_name: string; schema_name: string }[] = await database.orm.em.getConnection().execute(helper.getListTablesSQL());
      expect(rows.map((r) => `${r.schema_name}.${r.table_name}`)).toEqual([`${own}.own_schema_probe`, `${own}.schema_migrations`]);
    } finally {
      await database.close();
    }
  });
});
