import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Public } from '../../kit/classification';

/** One of the 21 sections (ngành cấp 1) of VSIC 2018, A–U. */
@Entity({ tableName: 'industry_section' })
@ObjectType('IndustrySection', { description: 'A top-level section of VSIC 2018 (ngành cấp 1), lettered A–U.' })
export class IndustrySection {
  @PrimaryKey({ type: 'string', length: 1 })
  @Public()
  @Field(() => String, { description: 'Section letter A–U, as in Industry.section and BusinessStats.bySection keys.' })
  letter!: string;

  @Property({ type: 'string', length: 255 })
  @Public()
  @Field(() => String, { description: 'Official Vietnamese name of the section (tên ngành cấp 1).' })
  name!: string;
}
