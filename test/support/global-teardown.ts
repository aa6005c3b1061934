import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { testSubgraphs, usesPostgres } from './test-env';

/** Removes the run's databases: its PostgreSQL schemas or its temp folder of SQLite files. */
export default async function globalTeardown(): Promise<void> {
  if (usesPostgres()) {
    const prefix = process.env.DB_SCHEMA_PREFIX;
    if (!prefix) return;
    const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      // The subgraphs' schemas, and the registry's that the launcher test starts under the same prefix.
      for (const name of [...testSubgraphs(), 'registry']) await client.query(`drop schema if exists "${prefix}${name}" cascade`);
      // Each test stack keeps its access records in its own schema, <prefix>access_<suffix>;
      // each test registry its versions in <prefix>registry_<suffix>; a scaffolded subgraph's
      // generated test its records in <prefix>sgtest-<suffix>.
      const { rows } = await client.query(`select schema_name from information_schema.schemata where schema_name like $1 or schema_name like $2 or schema_name like $3`, [`${prefix}access\\_%`, `${prefix}registry\\_%`, `${prefix}sgtest-%`]);
      for (const { schema_name } of rows) await client.query(`drop schema if exists "${schema_name}" cascade`);
    } finally {
      await client.end();
    }
  }
  if (process.env.DATA_DIR?.includes('bdg-test-')) rmSync(process.env.DATA_DIR, { recursive: true, force: true });
}
