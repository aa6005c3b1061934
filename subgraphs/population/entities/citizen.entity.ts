import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../kit';
import { Gender } from './gender';
import { BasicPersonal, Public, SensitivePersonal } from '../../kit/classification';

/**
 * A resident (công dân) with permanent residence in the province. Personal fields are nullable
 * in the schema (contract rule: a denied field costs only that field) though always stored.
 * `residence` and `household` are field resolvers backed by loaders.
 */
@Entity({ tableName: 'citizen' })
// Keyset paging inside a commune or district: filter and order by id from one index.
@Index({ properties: ['residenceId', 'id'] })
@Index({ properties: ['districtId', 'id'] })
@Index({ properties: ['residence2025Id', 'id'] })
@Directive('@key(fields: "id")')
@ObjectType('Citizen', { description: 'A resident of the province with permanent residence here (công dân).' })
export class Citizen {
  @PrimaryKey({ type: 'string', length: 16 })
  @Public()
  @Field(() => ID, { description: 'Opaque, stable identifier; not personal data.' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  @Unique()
  @BasicPersonal()
  @Field(() => String, { nullable: true, description: '12-digit personal identification number (CCCD, căn cước công dân). [basic]' })
  cccd!: string;

  @Property({ type: 'string', length: 100 })
  @BasicPersonal()
  @Field(() => String, { nullable: true, description: 'Full name: surname, middle name, given name (họ và tên). [basic]' })
  fullName!: string;

  /** `fullName` in search form (see searchText): lower case, without diacritics. */
  @Property({ type: 'string', length: 100 })
  @Index()
  searchName!: string;

  @Property({ type: 'string', length: 10 })
  @Index()
  @BasicPersonal()
  @Field(() => DateScalar, { nullable: true, description: 'Date of birth (ngày sinh). [basic]' })
  birthDate!: string;

  @Property({ type: 'string', length: 6 })
  @BasicPersonal()
  @Field(() => Gender, { nullable: true, description: 'Sex (giới tính). [basic]' })
  gender!: Gender;

  @Property({ type: 'string', length: 32 })
  @SensitivePersonal()
  @Field(() => String, { nullable: true, description: 'Ethnic group (dân tộc), e.g. "Kinh", "Hoa", "Khmer". [sensitive]' })
  ethnicity!: string;

  /** Commune of permanent residence. */
  @Property({ type: 'string', length: 32 })
  residenceId!: string;

  /** District of the residence commune, denormalised so district aggregates need no join. */
  @Property({ type: 'string', length: 32 })
  districtId!: string;

  /**
   * Commune of residence since the 2025-07-01 reorganisation (e.g. "25747@2025-07-01"), that of
   * the household (seed/residence-2025.ts; the migration that added it filled older rows).
   */
  @Property({ type: 'string', length: 32, nullable: true, fieldName: 'residence_2025_id' })
  residence2025Id!: string | null;

  @Property({ type: 'string', length: 16 })
  @Index()
  householdId!: string;

  @Property({ type: 'integer' })
  @BasicPersonal()
  @Field(() => Int, { nullable: true, description: 'Electronic ID (VNeID, định danh điện tử) level: 0 none, 1 or 2. [basic]' })
  electronicIdLevel!: number;
}
