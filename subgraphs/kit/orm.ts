import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MikroORM, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { DatabaseConfig } from './config';
import { migrateStore, MIGRATIONS_TABLE, Store } from './migrations';

export type Orm = MikroORM;

export interface Database {
  orm: MikroORM;
  /** Migrations this open applied (empty when the database was already up to date). */
  migrationsApplied: string[];
  /** SQL statements run since start (or the last reset): the N+1 tests read this. */
  sqlStatements(): number;
  resetSqlStatements(): void;
  close(): Promise<void>;
}

// Only the configured driver is loaded: a process on SQLite never holds PostgreSQL's (nor the
// reverse), which would be about 2 MiB of heap for the process's lifetime.
async function driverOptions(db: DatabaseConfig): Promise<Options> {
  if (db.kind === 'sqlite') {
    mkdirSync(path.dirname(db.file), { recursive: true });
    const { BetterSqliteDriver } = await import('@mikro-orm/better-sqlite');
    return { driver: BetterSqliteDriver, dbName: db.file };
  }
  const { PostgreSqlDriver } = await import('@mikro-orm/postgresql');
  return { driver: PostgreSqlDriver, clientUrl: db.url, schema: db.schema, pool: { min: 0, max: 10 } };
}

/**
 * MikroORM reads the tables of every schema in the database before it diffs its own, and casts
 * each name to regclass: a schema dropped meanwhile by another process (another service or test
 * run sharing the database) then fails the start. Each service only ever manages its own
 * schema, so the listing is narrowed to it.
 */
function introspectOnlyOwnSchema(orm: MikroORM, schema: string): void {
  const helper = orm.em.getPlatform().getSchemaHelper() as unknown as { getListTablesSQL(): string } | undefined;
  if (!helper) return;
  const listAll = helper.getListTablesSQL.bind(helper);
  const literal = `'${schema.replace(/'/g, "''")}'`;
  helper.getListTablesSQL = () => listAll().replace('from information_schema.tables where ', `from information_schema.tables where table_schema = ${literal} and `);
}

/**
 * Opens a store's own database and runs its pending migrations (tables are never synced from
 * the entities at start: `npm run migration:create` writes each change as a migration).
 * SQLite runs in WAL mode so that a writer (seeding, a refresh job) does not block readers.
 */
export async function openDatabase(db: DatabaseConfig, store: Store): Promise<Database> {
  const orm = await MikroORM.init({
    ...(await driverOptions(db)),
    entities: store.entities,
    extensions: [Migrator],
    migrations: { migrationsList: [...store.migrations], tableName: MIGRATIONS_TABLE, transactional: true, allOrNothing: true, silent: true, snapshot: false },
    discovery: { warnWhenNoEntities: true },
    allowGlobalContext: false,
    debug: false,
  });
  const connection = orm.em.getConnection() as any;
  if (db.kind === 'sqlite') {
    await connection.execute('pragma journal_mode = WAL');
    await connection.execute('pragma synchronous = NORMAL');
    await connection.execute('pragma busy_timeout = 5000');
  } else {
    await connection.execute(`create schema if not exists "${db.schema}"`);
    introspectOnlyOwnSchema(orm, db.schema);
  }
  const migrationsApplied = await migrateStore(orm, store, db.kind === 'postgresql' ? db.schema : undefined);

  let statements = 0;
  connection.getKnex().on('query', () => {
    statements += 1;
  });
  return {
    orm,
    migrationsApplied,
    sqlStatements: () => statements,
    resetSqlStatements: () => {
      statements = 0;
    },
    close: () => orm.close(true),
  };
}
