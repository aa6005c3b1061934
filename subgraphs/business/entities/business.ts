import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BigIntScalar, DateScalar } from '../../kit';
import { BusinessStatus, LegalForm } from './enums';
import { Public } from '../../kit/classification';

/**
 * An enterprise registered in Bình Dương. Placed at a commune; the district is stored too
 * (denormalised) so that a district's aggregate is one indexed GROUP BY, not a join.
 * Relations are plain id columns: the unit and the citizen live in the population subgraph.
 */
@Entity({ tableName: 'business' })
@Index({ name: 'business_district_tax_code_index', properties: ['districtId', 'taxCode'] })
@Index({ name: 'business_commune_tax_code_index', properties: ['communeId', 'taxCode'] })
@Directive('@key(fields: "taxCode")')
@ObjectType('Business', { description: 'An enterprise (doanh nghiệp) registered in the province, identified by its enterprise code, which is also its tax code (mã số doanh nghiệp / mã số thuế).' })
export class Business {
  @PrimaryKey({ type: 'string', length: 14, fieldName: 'tax_code' })
  @Public()
  @Field(() => ID, { description: '10-digit enterprise code, which is also the tax code (mã số thuế): tax office prefix, 7-digit sequence, mod-11 check digit.' })
  taxCode!: string;

  @Property({ type: 'string', length: 255 })
  @Public()
  @Field(() => String, { description: 'Registered Vietnamese name (tên doanh nghiệp), e.g. "Công ty TNHH Nội thất Minh Phát".' })
  name!: string;

  /** Lower-case name without diacritics or punctuation: what `nameContains` matches. */
  @Index()
  @Property({ type: 'string', length: 255, fieldName: 'name_search' })
  nameSearch!: string;

  @Property({ type: 'string', length: 24, fieldName: 'legal_form' })
  @Public()
  @Field(() => LegalForm, { description: 'Legal form (loại hình doanh nghiệp).' })
  legalForm!: LegalForm;

  @Property({ type: 'boolean', fieldName: 'foreign_invested' })
  @Public()
  @Field(() => Boolean, { description: 'True for a foreign-invested enterprise (doanh nghiệp có vốn đầu tư nước ngoài, FDI).' })
  foreignInvested!: boolean;

  /** VSIC 2018 class of the main activity; `industry` resolves it through a loader. */
  @Property({ type: 'string', length: 5, fieldName: 'industry_code' })
  industryCode!: string;

  /** Section letter of `industryCode`, stored for the section filter and the bySection GROUP BY. */
  @Index()
  @Property({ type: 'string', length: 1, fieldName: 'industry_section' })
  industrySection!: string;

  @Property({ type: new BigIntType('string'), fieldName: 'registered_capital_vnd' })
  @Public()
  @Field(() => BigIntScalar, { description: 'Registered charter capital (vốn điều lệ) in Vietnamese đồng (VND), as a decimal string.' })
  registeredCapitalVnd!: string;

  @Property({ type: 'string', length: 10, fieldName: 'founded_on' })
  @Public()
  @Field(() => DateScalar, { description: 'Date of first registration (ngày thành lập), "YYYY-MM-DD".' })
  foundedOn!: string;

  @Index()
  @Property({ type: 'string', length: 12 })
  @Public()
  @Field(() => BusinessStatus, { description: 'Legal status in the business registry (tình trạng pháp lý) as of the reference date.' })
  status!: BusinessStatus;

  @Index()
  @Property({ type: 'boolean', fieldName: 'digital_technology' })
  @Public()
  @Field(() => Boolean, { description: 'True for a digital-technology enterprise (doanh nghiệp công nghệ số): IT, software, telecommunications or electronics.' })
  digitalTechnology!: boolean;

  @Property({ type: 'boolean', fieldName: 'uses_digital_platform' })
  @Public()
  @Field(() => Boolean, { description: 'True when the enterprise uses digital platforms (nền tảng số) in its operations.' })
  usesDigitalPlatform!: boolean;

  @Property({ type: 'boolean', fieldName: 'uses_e_invoice' })
  @Public()
  @Field(() => Boolean, { description: 'True when the enterprise issues electronic invoices (hóa đơn điện tử).' })
  usesEInvoice!: boolean;

  /** Commune (ward, township) of the head office: an AdministrativeUnit id of the population subgraph. */
  @Property({ type: 'string', length: 16, fieldName: 'commune_id' })
  communeId!: string;

  /** District of `communeId`, denormalised. */
  @Property({ type: 'string', length: 16, fieldName: 'district_id' })
  districtId!: string;

  /** Opaque Citizen id of the legal representative (người đại diện theo pháp luật). */
  @Index()
  @Property({ type: 'string', length: 16, fieldName: 'legal_representative_id' })
  legalRepresentativeId!: string;
}
