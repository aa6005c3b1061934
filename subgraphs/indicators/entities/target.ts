import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../kit';
import { Public } from '../../kit/classification';

/** A programme target (chỉ tiêu của chương trình) set for one unit and one indicator. */
@Entity({ tableName: 'target' })
@Index({ name: 'target_unit_programme_index', properties: ['unitId', 'programme'] })
@ObjectType('Target', {
  description: `A target of a programme (chỉ tiêu của chương trình, kế hoạch) for one administrative unit and one indicator.
Status (tình trạng) derived from the latest observation as of \`asOf\` (default: the reference date 2024-09-30), counting only observations whose period ends on or before \`asOf\`;
met = ACHIEVED (đạt), on track = ON_TRACK (dự kiến đạt), missed = NOT_ACHIEVED (không đạt), not measured = NOT_MEASURED (chưa đánh giá):
ACHIEVED when the latest observation meets the target value in the indicator's direction (>= when higherIsBetter, else <=);
NOT_MEASURED when there is no observation;
otherwise ON_TRACK when the deadline is after \`asOf\` and the least-squares linear trend of the observations (value over the period end date) meets the target on the deadline;
else NOT_ACHIEVED.
The observations are the unit's own or, when it reports none, those rolled up from its child units.`,
})
export class Target {
  @PrimaryKey({ type: 'string', length: 64 })
  @Public()
  @Field(() => ID, { description: 'Stable target id: the programme and the target\'s number in it, e.g. "39-CTr/TU#07".' })
  id!: string;

  @Property({ type: 'string', length: 120 })
  @Public()
  @Field(() => String, { description: 'Programme or plan that sets the target (chương trình, kế hoạch), e.g. "39-CTr/TU" (Bến Cát, 2022–2025).' })
  programme!: string;

  @Property({ type: 'string', length: 255 })
  @Public()
  @Field(() => String, { description: 'Wording of the target (nội dung chỉ tiêu).' })
  name!: string;

  @Index({ name: 'target_indicator_code_index' })
  @Property({ type: 'string', length: 16 })
  indicatorCode!: string;

  /** AdministrativeUnit id (GSO code) of the population subgraph. */
  @Property({ type: 'string', length: 16 })
  unitId!: string;

  @Property({ type: 'double' })
  @Public()
  @Field(() => Float, { description: 'Value to reach, in the indicator\'s measure (fractions for "%"); met at >= when higher is better, else at <=.' })
  targetValue!: number;

  @Property({ type: 'string', length: 10 })
  @Public()
  @Field(() => DateScalar, { description: 'Last day by which the target is to be met (thời hạn).' })
  deadline!: string;
}
