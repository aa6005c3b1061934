import type { EntityManager } from '@mikro-orm/core';

/** The table of an entity for raw SQL: schema-qualified on PostgreSQL, bare on SQLite (kit). */
export { qualifiedTable as tableOf } from '../../kit/sql';

/** Runs one raw statement; `?` placeholders are bound by MikroORM on both dialects. */
export async function query<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return (await em.getConnection().execute(sql, params as any[], 'all', em.getTransactionContext())) as T[];
}

/**
 * A CTE of literal rows, `name(col, …) AS (VALUES (…), …)`, with every value cast so that
 * PostgreSQL knows the column types (SQLite ignores the length). Lets one statement serve a
 * whole DataLoader batch of keys that differ in more than one value.
 */
export function valuesCte(name: string, columns: readonly (readonly [column: string, sqlType: string])[], rows: readonly unknown[][]): { sql: string; params: unknown[] } {
  const tuple = `(${columns.map(([, type]) => `CAST(? AS ${type})`).join(', ')})`;
  return {
    sql: `${name} (${columns.map(([column]) => column).join(', ')}) AS (VALUES ${rows.map(() => tuple).join(', ')})`,
    params: rows.flat(),
  };
}

/** SQLite answers booleans as 0/1, PostgreSQL as true/false; counts may come as strings (bigint). */
export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

export function toCount(value: unknown): number {
  return value == null ? 0 : Number(value);
}
