import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * A stored observation: one value of one indicator for one unit and period. The parent unit
 * is stored (denormalised from the fixed unit list) so that a roll-up over a unit's children
 * is one indexed GROUP BY.
 */
@Entity({ tableName: 'observation' })
// One value per indicator, unit and period; also the index of own-series and latest-period lookups.
@Unique({ name: 'observation_indicator_unit_period_index', properties: ['indicatorCode', 'unitId', 'periodStart'] })
@Index({ name: 'observation_indicator_parent_period_index', properties: ['indicatorCode', 'parentUnitId', 'periodStart'] })
export class ObservationRow {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'string', length: 16 })
  indicatorCode!: string;

  /** AdministrativeUnit id (GSO code) of the population subgraph. */
  @Property({ type: 'string', length: 16 })
  unitId!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  parentUnitId!: string | null;

  /** ISO period label: 2023-W49, 2023-12, 2023-Q4 or 2023. */
  @Property({ type: 'string', length: 8 })
  period!: string;

  @Property({ type: 'string', length: 10 })
  periodStart!: string;

  @Property({ type: 'string', length: 10 })
  periodEnd!: string;

  @Property({ type: 'double' })
  value!: number;
}
