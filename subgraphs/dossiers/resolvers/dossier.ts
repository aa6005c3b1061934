import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit';
import { Dossier } from '../entities/dossier';
import { Procedure } from '../entities/procedure';
import { DossierStatus } from '../enums';
import type { DossierLoaders } from '../loaders';
import { AdministrativeUnitRef, Applicant, applicantStub, ApplicantValue } from '../types/references';
import { BasicPersonal, Public } from '../../kit/classification';

@Resolver(() => Dossier)
export class DossierResolver {
  @Public()
  @FieldResolver(() => Procedure, { description: 'The procedure the dossier was submitted for.' })
  async procedure(@Root() dossier: Dossier, @Ctx() ctx: SubgraphContext<DossierLoaders>): Promise<Procedure> {
    const procedure = await ctx.loaders.procedureByCode.load(dossier.procedureCode);
    if (!procedure) throw new Error(`Dossier ${dossier.code} refers to unknown procedure ${dossier.procedureCode}`);
    return procedure;
  }

  @BasicPersonal()
  @FieldResolver(() => Applicant, { nullable: true, description: 'Who submitted the dossier: a citizen or an enterprise. [basic] when a Citizen.' })
  applicant(@Root() dossier: Dossier): ApplicantValue {
    return applicantStub(dossier.applicantType, dossier.applicantId);
  }

  @Public()
  @FieldResolver(() => AdministrativeUnitRef, {
    nullable: true,
    description: 'The unit that received the dossier: the province for province-level procedures, a district or a commune otherwise.',
  })
  receivingUnit(@Root() dossier: Dossier): AdministrativeUnitRef {
    return { id: dossier.receivingUnitId };
  }

  @Public()
  @FieldResolver(() => Boolean, { nullable: true, description: 'Completed by dueAt; null while not completed.' })
  onTime(@Root() dossier: Dossier): boolean | null {
    if (dossier.status !== DossierStatus.COMPLETED || !dossier.completedAt) return null;
    return dossier.completedAt <= dossier.dueAt;
  }
}
