import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AdministrativeLevel, DateScalar } from '../../kit';
import { Public } from '../../kit/classification';

/**
 * An administrative unit (đơn vị hành chính), stored in this subgraph's own table (seeded
 * from the kit's lists of both periods, `unitsOverTime()`) so that queries can filter by date
 * of validity. `parent` and `population` are field resolvers backed by loaders; `children`,
 * `successors` and `predecessors` walk the kit's list in memory.
 */
@Entity({ tableName: 'administrative_unit' })
@Index({ properties: ['level', 'validFrom'] })
@Directive('@key(fields: "id")')
@ObjectType('AdministrativeUnit', {
  description:
    'An administrative unit as in the national list (đơn vị hành chính). `id` equals the GSO `code` for the units in force 2022–2024; the units in force since the 2025-07-01 reorganisation carry their validity, e.g. "25747@2025-07-01", because a new commune may reuse an old one\'s code.',
})
export class AdministrativeUnit {
  @PrimaryKey({ type: 'string', length: 32 })
  @Public()
  @Field(() => ID, { description: 'Stable identifier: the GSO code for the units in force 2022–2024, code@validFrom for those since 2025-07-01 (e.g. "25747@2025-07-01").' })
  id!: string;

  @Property({ type: 'string', length: 8 })
  @Public()
  @Field(() => String, { description: 'GSO code of the unit (mã đơn vị hành chính): 2 digits for a province, 3 for a district, 5 for a commune.' })
  code!: string;

  @Property({ type: 'string', length: 100 })
  @Public()
  @Field(() => String, { description: 'Official name with its kind, e.g. "Phường Phú Cường" (tên).' })
  name!: string;

  @Property({ type: 'string', length: 8 })
  @Public()
  @Field(() => AdministrativeLevel, { description: 'Level of the unit (cấp hành chính).' })
  level!: AdministrativeLevel;

  /** The unit directly above; null for the province. */
  @Property({ type: 'string', length: 32, nullable: true })
  @Index()
  parentId!: string | null;

  /** Kind of commune-level unit: phuong (ward), thi_tran (township), xa (commune); null above commune level. */
  @Property({ type: 'string', length: 8, nullable: true })
  communeType!: string | null;

  @Property({ type: 'string', length: 10 })
  @Public()
  @Field(() => DateScalar, { description: 'First day the unit is in force (hiệu lực từ).' })
  validFrom!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  @Public()
  @Field(() => DateScalar, { nullable: true, description: 'Last day the unit is in force (hiệu lực đến); null while it still is.' })
  validTo!: string | null;
}
