import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Roll-up of the citizen table: registered residents per unit (SUBTREE), for the units of
 * both periods. `population` reads one row per unit instead of counting up to 2.6 million
 * citizens, so no aggregate holds the embedded SQLite for long. Rebuilt by the seed
 * (seed/unit-residents.ts), the only writer of citizens.
 */
@Entity({ tableName: 'unit_residents' })
export class UnitResidents {
  @PrimaryKey({ type: 'string', length: 32 })
  unitId!: string;

  @Property({ type: 'integer' })
  residents!: number;
}
