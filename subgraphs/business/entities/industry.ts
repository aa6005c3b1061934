import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Public } from '../../kit/classification';

/** A 4-digit class of the Vietnamese standard industrial classification VSIC 2018 (Decision 27/2018/QĐ-TTg). */
@Entity({ tableName: 'industry' })
@ObjectType('Industry', { description: 'An economic activity of the Vietnamese industrial classification VSIC 2018 (ngành kinh tế, Decision 27/2018/QĐ-TTg), at class level (cấp 4).' })
export class Industry {
  @PrimaryKey({ type: 'string', length: 5 })
  @Public()
  @Field(() => String, { description: 'VSIC 2018 code, 4 digits (mã ngành cấp 4), e.g. "3100".' })
  code!: string;

  @Property({ type: 'string', length: 255 })
  @Public()
  @Field(() => String, { description: 'Official Vietnamese name of the activity (tên ngành), e.g. "Sản xuất giường, tủ, bàn, ghế".' })
  name!: string;

  @Index()
  @Property({ type: 'string', length: 1 })
  @Public()
  @Field(() => String, { description: 'VSIC 2018 section letter A–U (ngành cấp 1), e.g. "C" for manufacturing.' })
  section!: string;
}
