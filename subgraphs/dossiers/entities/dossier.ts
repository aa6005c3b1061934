import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../kit';
import { ApplicantType, DossierStatus, PaymentMethod, SubmissionChannel } from '../enums';
import { Public } from '../../kit/classification';

/**
 * A dossier (hồ sơ thủ tục hành chính) submitted for one procedure. Instants are UTC ISO
 * strings ("…Z") so they compare the same on SQLite and PostgreSQL; the applicant and the
 * units are plain ids of other subgraphs' entities (no ORM relations: loaders join).
 */
@Entity({ tableName: 'dossier' })
@Index({ properties: ['applicantType', 'applicantId', 'code'] })
// Listings filter on a unit, a district or nothing, and on a submission period: each filter
// seeks its range on one of these. Aggregates read the daily roll-up (DossierDailyStats).
@Index({ name: 'dossier_unit_submitted_idx', properties: ['receivingUnitId', 'submittedAt'] })
@Index({ name: 'dossier_district_submitted_idx', properties: ['receivingDistrictId', 'submittedAt'] })
@Index({ name: 'dossier_submitted_idx', properties: ['submittedAt'] })
@Directive('@key(fields: "code")')
@ObjectType('Dossier', { description: 'An administrative dossier (hồ sơ thủ tục hành chính): one application for one procedure.' })
export class Dossier {
  @PrimaryKey({ type: 'string', length: 40 })
  @Public()
  @Field(() => ID, {
    description: 'Dossier code (mã hồ sơ): receiving agency code (QCVN 102:2016), "-YYMMDD-" of the submission day and a 4-digit daily sequence per agency, e.g. "000.00.21.H09-231204-0042".',
  })
  code!: string;

  @Index()
  @Property({ type: 'string', length: 8 })
  procedureCode!: string;

  @Property({ type: 'string', length: 10 })
  applicantType!: ApplicantType;

  /** A citizen id (kit citizenId) or a tax code (kit taxCode), by applicantType. */
  @Property({ type: 'string', length: 20 })
  applicantId!: string;

  @Property({ type: 'string', length: 10 })
  receivingUnitId!: string;

  /** District of the receiving unit, denormalised for subtree aggregates; null for province-level dossiers. */
  @Property({ type: 'string', length: 10, nullable: true })
  receivingDistrictId!: string | null;

  @Index()
  @Property({ type: 'string', length: 10 })
  @Public()
  @Field(() => SubmissionChannel, { description: 'How the dossier was submitted (hình thức nộp).' })
  channel!: SubmissionChannel;

  @Index()
  @Property({ type: 'string', length: 24 })
  @Public()
  @Field(() => DossierStatus, { description: 'Current processing status (trạng thái), as of the reference date.' })
  status!: DossierStatus;

  @Index()
  @Property({ type: 'string', length: 24 })
  @Public()
  @Field(() => DateTimeScalar, { description: 'When the dossier was submitted (thời điểm nộp/tiếp nhận).' })
  submittedAt!: string;

  @Property({ type: 'string', length: 24 })
  @Public()
  @Field(() => DateTimeScalar, { description: 'Statutory deadline (hạn giải quyết): submission plus the procedure\'s processingDays working days.' })
  dueAt!: string;

  @Property({ type: 'string', length: 24, nullable: true })
  @Public()
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the result was issued (thời điểm trả kết quả); null unless status is COMPLETED.' })
  completedAt!: string | null;

  @Property({ type: 'string', length: 10 })
  @Public()
  @Field(() => PaymentMethod, { description: 'How the fee was paid; NONE when the procedure has no fee.' })
  paymentMethod!: PaymentMethod;

  @Property({ type: 'boolean' })
  @Public()
  @Field(() => Boolean, { description: 'The result was issued electronically (kết quả điện tử); only completed dossiers can have one.' })
  electronicResult!: boolean;

  @Property({ type: 'boolean' })
  @Public()
  @Field(() => Boolean, { description: 'The dossier\'s documents were digitised (số hóa hồ sơ).' })
  digitized!: boolean;

  @Property({ type: 'boolean' })
  @Public()
  @Field(() => Boolean, { description: 'The dossier was synchronised to the National Public Service Portal (đồng bộ lên Cổng Dịch vụ công quốc gia).' })
  syncedToNationalPortal!: boolean;
}
