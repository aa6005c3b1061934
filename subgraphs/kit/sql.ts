import type { EntityClass, EntityManager } from '@mikro-orm/core';

/**
 * The table of an entity as knex writes it: schema-qualified on PostgreSQL (each subgraph has
 * its own schema), bare on SQLite. For hand-written aggregates that the ORM cannot express.
 */
export function qualifiedTable(em: EntityManager, entity: EntityClass<object>): string {
  const meta = em.getMetadata().find(entity);
  if (!meta) throw new Error(`${entity.name} is not a registered entity`);
  const schema = meta.schema && meta.schema !== '*' ? meta.schema : em.config.get('schema');
  return schema ? `${schema}.${meta.tableName}` : meta.tableName;
}

/** True on PostgreSQL, false on SQLite: the few statements that differ (COPY, TRUNCATE, date arithmetic) ask here. */
export function isPostgresPlatform(platform: { constructor: { name: string } }): boolean {
  return platform.constructor.name.toLowerCase().includes('postgre');
}

export function isPostgres(em: EntityManager): boolean {
  return isPostgresPlatform(em.getPlatform());
}
