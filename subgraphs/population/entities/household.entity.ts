import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Public } from '../../kit/classification';

/**
 * A household (hộ gia đình) as registered for permanent residence. Head, members and
 * residence are field resolvers backed by loaders (plain FK columns, no ORM relations).
 */
@Entity({ tableName: 'household' })
@Directive('@key(fields: "id")')
@ObjectType('Household', { description: 'A household registered for permanent residence (hộ gia đình).' })
export class Household {
  @PrimaryKey({ type: 'string', length: 16 })
  @Public()
  @Field(() => ID, { description: 'Opaque, stable identifier; not personal data and not revealing any order.' })
  id!: string;

  /** Opaque id of the head of household (chủ hộ). */
  @Property({ type: 'string', length: 16 })
  @Index()
  headId!: string;

  /** Commune of residence. */
  @Property({ type: 'string', length: 32 })
  @Index()
  residenceId!: string;

  /** Commune of residence since the 2025-07-01 reorganisation: one successor of `residenceId` (see seed/residence-2025.ts). */
  @Property({ type: 'string', length: 32, nullable: true, fieldName: 'residence_2025_id' })
  residence2025Id!: string | null;

  /** District of the commune, denormalised for per-district aggregates. */
  @Property({ type: 'string', length: 32 })
  @Index()
  districtId!: string;
}
