import { createUnionType, Directive, Field, ID, ObjectType } from 'type-graphql';
import { ApplicantType } from '../enums';
import { Public } from '../../kit/classification';

// Key-only stubs of entities owned by other subgraphs (population, business). This
// subgraph contributes fields to them (dossiers, dossierStats) and points at them
// (Dossier.applicant, Dossier.receivingUnit); the gateway fetches their other fields.

@Directive('@key(fields: "id")')
@ObjectType('Citizen', { description: 'A citizen (công dân), owned by the population subgraph; this subgraph adds the dossiers they submitted.' })
export class CitizenRef {
  @Public()
  @Field(() => ID, { description: 'Opaque, stable citizen identifier; not personal data.' })
  id!: string;

  /** Set when the stub stands for a dossier's applicant: the union resolves on it. */
  applicantType?: ApplicantType.CITIZEN;
}

@Directive('@key(fields: "taxCode")')
@ObjectType('Business', { description: 'An enterprise (doanh nghiệp), owned by the business subgraph; this subgraph adds the dossiers it submitted.' })
export class BusinessRef {
  @Public()
  @Field(() => ID, { description: '10-digit enterprise code, which is also the tax code (mã số doanh nghiệp / mã số thuế).' })
  taxCode!: string;

  /** Set when the stub stands for a dossier's applicant: the union resolves on it. */
  applicantType?: ApplicantType.BUSINESS;
}

@Directive('@key(fields: "id")')
@ObjectType('AdministrativeUnit', { description: 'An administrative unit, owned by the population subgraph; this subgraph adds dossier statistics.' })
export class AdministrativeUnitRef {
  @Public()
  @Field(() => ID, { description: 'GSO code of the unit (mã đơn vị hành chính), e.g. "74", "718", "25741".' })
  id!: string;
}

/** A dossier's applicant as the union sees it: the stored applicant type decides the member. */
export type ApplicantValue = (CitizenRef & { applicantType: ApplicantType.CITIZEN }) | (BusinessRef & { applicantType: ApplicantType.BUSINESS });

export function applicantStub(type: ApplicantType, id: string): ApplicantValue {
  return type === ApplicantType.BUSINESS ? { applicantType: type, taxCode: id } : { applicantType: type, id };
}

export const Applicant = createUnionType({
  name: 'Applicant',
  description: 'Who submitted a dossier (người nộp hồ sơ): a citizen or an enterprise.',
  types: () => [CitizenRef, BusinessRef] as const,
  resolveType: (value) => {
    const type = (value as ApplicantValue).applicantType;
    switch (type) {
      case ApplicantType.CITIZEN:
        return 'Citizen';
      case ApplicantType.BUSINESS:
        return 'Business';
      default:
        throw new Error(`Applicant without a known applicantType: ${String(type)}`);
    }
  },
});
