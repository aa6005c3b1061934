import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AdministrativeLevel } from '../../kit';
import { OnlineServiceLevel } from '../enums';
import { Public } from '../../kit/classification';

/** An administrative procedure (thủ tục hành chính) of the national catalogue, as applied in the province. */
@Entity({ tableName: 'admin_procedure' })
@Directive('@key(fields: "code")')
@ObjectType('Procedure', { description: 'An administrative procedure (thủ tục hành chính) from the national procedure catalogue (Cơ sở dữ liệu quốc gia về TTHC).' })
export class Procedure {
  @PrimaryKey({ type: 'string', length: 8 })
  @Public()
  @Field(() => ID, { description: 'National procedure code (mã TTHC), a digit, a dot and six digits, e.g. "1.000494".' })
  code!: string;

  @Property({ type: 'string', length: 400 })
  @Public()
  @Field(() => String, { description: 'Official name of the procedure (tên thủ tục), in Vietnamese.' })
  name!: string;

  @Index()
  @Property({ type: 'string', length: 80 })
  @Public()
  @Field(() => String, { description: 'Field of state management (lĩnh vực), e.g. "Đất đai", "Hộ tịch".' })
  field!: string;

  @Property({ type: 'string', length: 10 })
  @Public()
  @Field(() => AdministrativeLevel, { description: 'Level of government that receives and settles the procedure (cấp thực hiện); its dossiers are received at a unit of this level.' })
  level!: AdministrativeLevel;

  @Index()
  @Property({ type: 'string', length: 8 })
  @Public()
  @Field(() => OnlineServiceLevel, { description: 'Online service level offered for the procedure (mức độ dịch vụ công trực tuyến).' })
  onlineService!: OnlineServiceLevel;

  @Property({ type: 'integer' })
  @Public()
  @Field(() => Int, { description: 'Fee or charge per dossier in Vietnamese đồng (phí, lệ phí); 0 when free.' })
  feeVnd!: number;

  @Property({ type: 'integer' })
  @Public()
  @Field(() => Int, { description: 'Statutory processing time in working days (thời hạn giải quyết, ngày làm việc); dueAt counts these from submission, skipping Saturdays and Sundays.' })
  processingDays!: number;

  @Property({ type: 'boolean' })
  @Public()
  @Field(() => Boolean, { description: 'One of the essential public services of Đề án 06.' })
  essential!: boolean;
}
