import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { DatabaseConfig } from '../../subgraphs/kit/config';
import { SCHEMA_PLACEHOLDER, Store } from '../../subgraphs/kit/migrations';
import { openDatabase } from '../../subgraphs/kit/orm';

export type Dialect = 'sqlite' | 'postgresql';

/** Splits MikroORM's schema SQL into statements (it ends each with ";\n"). */
function statementsOf(sql: string): string[] {
  return sql
    .split(/;\n/)
    .map((s) => s.trim().replace(/;$/, ''))
    .filter((s) => s.length > 0 && !/^create schema /i.test(s) && !/^set names /i.test(s) && !/^pragma /i.test(s));
}

/**
 * What the store's entities declare that its migrations do not build yet: the store is
 * migrated in a scratch database (a temp SQLite file, or a scratch PostgreSQL schema), then
 * diffed against its entities. PostgreSQL statements name the placeholder schema.
 */
export async function pendingSchemaChanges(store: Store, dialect: Dialect, postgresUrl: string): Promise<string[]> {
  const scratchName = `mig_scratch_${process.pid}_${Date.now().toString(36)}`;
  const folder = dialect === 'sqlite' ? mkdtempSync(path.join(os.tmpdir(), 'bdg-migrations-')) : undefined;
  const config: DatabaseConfig = folder ? { kind: 'sqlite', file: path.join(folder, 'scratch.sqlite') } : { kind: 'postgresql', url: postgresUrl, schema: scratchName };
  const database = await openDatabase(config, store);
  try {
    const sql = await database.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    return statementsOf(sql).map((s) => s.split(`"${scratchName}".`).join(`"${SCHEMA_PLACEHOLDER}".`));
  } finally {
    await database.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
    else await dropSchema(postgresUrl, scratchName);
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
