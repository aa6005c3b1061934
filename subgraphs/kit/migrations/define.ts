import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { isPostgresPlatform } from '../sql';

/**
 * PostgreSQL migrations are written against this schema name; each store runs in its own
 * schema (per subgraph, per test run), so the real name is substituted when they run.
 */
export const SCHEMA_PLACEHOLDER = '__schema__';

/** One migration's statements in both dialects: DDL from `npm run migration:create`, plus any data moves written by hand. */
export interface PortableSql {
  sqlite: readonly string[];
  postgresql: readonly string[];
}

export type StoreMigration = MigrationObject;

function isPostgres(migration: Migration): boolean {
  return isPostgresPlatform((migration as unknown as { driver: { getPlatform(): { constructor: { name: string } } } }).driver.getPlatform());
}

/** A migration that runs the statements of the database it meets, in one transaction. */
export function defineMigration(name: string, sql: PortableSql): StoreMigration {
  class PortableMigration extends Migration {
    up(): void {
      if (!isPostgres(this)) {
        for (const statement of sql.sqlite) this.addSql(statement);
        return;
      }
      const schema = String(this.config.get('schema'));
      for (const statement of sql.postgresql) this.addSql(statement.split(`"${SCHEMA_PLACEHOLDER}".`).join(`"${schema}".`));
    }

    override down(): void {
      throw new Error(`Migration ${name} cannot be reverted: restore a backup instead (migrations only move forward).`);
    }
  }
  Object.defineProperty(PortableMigration, 'name', { value: name });
  return { name, class: PortableMigration };
}
