import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AggregationRule, AggregationWeight, Frequency } from './enums';
import { Public } from '../../kit/classification';

/**
 * An indicator (chỉ tiêu) of the operations centre. The sector is a plain code column; the
 * `sector` field resolves it through a loader.
 */
@Entity({ tableName: 'indicator' })
@Directive('@key(fields: "code")')
@ObjectType('Indicator', {
  description:
    'An indicator (chỉ tiêu) monitored by the smart-city operations centre (IOC), reported per administrative unit and period. Percentages are fractions (0.4597, not 45.97).',
})
export class Indicator {
  @PrimaryKey({ type: 'string', length: 16 })
  @Public()
  @Field(() => ID, { description: 'Indicator code (mã chỉ tiêu): sector code and a number, e.g. "DVC-001".' })
  code!: string;

  @Property({ type: 'string', length: 255 })
  @Public()
  @Field(() => String, { description: 'Vietnamese name of the indicator (tên chỉ tiêu).' })
  name!: string;

  /** `name` lower-cased without diacritics: what `Query.indicators(search:)` matches. */
  @Index({ name: 'indicator_name_normalised_index' })
  @Property({ type: 'string', length: 255 })
  nameNormalised!: string;

  @Property({ type: 'string', length: 32 })
  @Public()
  @Field(() => String, {
    description: 'Unit of measure (đơn vị tính), e.g. "%" (values are fractions), "hồ sơ" (dossiers), "điểm" (points), "doanh nghiệp", "người", "thứ hạng" (rank).',
  })
  measure!: string;

  @Index({ name: 'indicator_sector_code_index', properties: ['sectorCode', 'code'] })
  @Property({ type: 'string', length: 8 })
  sectorCode!: string;

  @Property({ type: 'string', length: 10 })
  @Public()
  @Field(() => Frequency, { description: 'How often the indicator is reported (tần suất).' })
  frequency!: Frequency;

  @Property({ type: 'boolean' })
  @Public()
  @Field(() => Boolean, { description: 'True when a higher value is better (e.g. online rate); false when lower is (e.g. overdue dossiers, rank).' })
  higherIsBetter!: boolean;

  @Property({ type: 'string', length: 160 })
  @Public()
  @Field(() => String, { description: 'The system or agency that reports the indicator (nguồn số liệu), e.g. "Sở Y tế".' })
  source!: string;

  @Property({ type: 'string', length: 20 })
  @Public()
  @Field(() => AggregationRule, { description: 'How a unit without observations of its own gets a value from its child units (quy tắc tổng hợp).' })
  aggregation!: AggregationRule;

  @Property({ type: 'string', length: 20, nullable: true })
  @Public()
  @Field(() => AggregationWeight, { nullable: true, description: 'Weight of each child unit when `aggregation` is WEIGHTED_AVERAGE; null otherwise.' })
  aggregationWeight!: AggregationWeight | null;
}
