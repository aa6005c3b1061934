import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A unit's weight in WEIGHTED_AVERAGE roll-ups (POPULATION_SHARE: its share of the province's population). */
@Entity({ tableName: 'rollup_weight' })
export class RollupWeight {
  @PrimaryKey({ type: 'string', length: 16 })
  unitId!: string;

  @Property({ type: 'double' })
  weight!: number;
}
