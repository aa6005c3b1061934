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
      for (const name of testSubgraphs()) await client.query(`drop schema if exists "${prefix}${name}" cascade`);
    } finally {
      await client.end();
    }
  } else if (process.env.DATA_DIR?.includes('bdg-test-')) {
    rmSync(process.env.DATA_DIR, { recursive: true, force: true });
  }
}
