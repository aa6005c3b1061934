import type { MikroORM } from '@mikro-orm/core';
import type { Migrator } from '@mikro-orm/migrations';
import type { Store } from './store';

/** Where each store records the migrations it has run (in its own schema on PostgreSQL). */
export const MIGRATIONS_TABLE = 'schema_migrations';

async function tableExists(orm: MikroORM, table: string, schema: string | undefined): Promise<boolean> {
  const connection = orm.em.getConnection();
  const rows = schema
    ? await connection.execute('select 1 from information_schema.tables where table_schema = ? and table_name = ?', [schema, table])
    : await connection.execute("select 1 from sqlite_master where type = 'table' and name = ?", [table]);
  return rows.length > 0;
}

/**
 * Brings the store's tables up to its latest migration. A database built before migrations
 * existed (its tables created by schema sync, which equals the first migration) is adopted:
 * the first migration is recorded as run, and the later ones upgrade it with its data in place.
 */
export async function migrateStore(orm: MikroORM, store: Store, schema: string | undefined): Promise<string[]> {
  const migrator = orm.getMigrator() as Migrator;
  if (store.migrations.length === 0) return [];
  const executed = await migrator.getExecutedMigrations();
  if (executed.length === 0) {
    const firstTable = orm.getMetadata().get(store.entities[0].name).tableName;
    if (await tableExists(orm, firstTable, schema)) await migrator.getStorage().logMigration({ name: store.migrations[0].name, context: null });
  }
  const applied = await migrator.up();
  return applied.map((m) => m.name);
}
