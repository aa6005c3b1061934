import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What seeded this database: one row per seeded store, written in the seed's own transaction,
 * so that a database is either empty or completely seeded at a known scale.
 */
@Entity({ tableName: 'seed_run' })
export class SeedRun {
  @PrimaryKey({ type: 'string', length: 32 })
  store!: string;

  @Property({ type: 'double' })
  scale!: number;

  @Property({ type: 'string', length: 24 })
  seededAt!: string;

  /** Rows written per table, as JSON. */
  @Property({ type: 'text' })
  tableRows!: string;
}
