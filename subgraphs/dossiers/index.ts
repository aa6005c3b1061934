import { migrations } from './migrations';
import { DossierDailyStats } from './entities/dossier-daily-stats';
import type { EntityManager } from '@mikro-orm/core';
import { runSubgraphProcess, SeedRun, SubgraphContext, SubgraphDefinition } from '../kit';
import { Dossier } from './entities/dossier';
import { Procedure } from './entities/procedure';
import { createDossierLoaders, DossierLoaders } from './loaders';
import { AdministrativeUnitDossierStatsResolver } from './resolvers/administrative-unit';
import { BusinessDossiersResolver, CitizenDossiersResolver } from './resolvers/applicant-dossiers';
import { DossierResolver } from './resolvers/dossier';
import { DossierQueryResolver } from './resolvers/query';
import { seedDossiers } from './seed';
import { AdministrativeUnitRef, BusinessRef, CitizenRef } from './types/references';

type Context = SubgraphContext<DossierLoaders>;

/**
 * The dossiers subgraph: administrative procedures (thủ tục hành chính) and the dossiers
 * (hồ sơ) submitted for them; contributes Citizen.dossiers, Business.dossiers and
 * AdministrativeUnit.dossierStats to the entities of the population and business subgraphs.
 */
export const subgraph: SubgraphDefinition<DossierLoaders> = {
  name: 'dossiers',
  entities: [Procedure, Dossier, DossierDailyStats, SeedRun],
  migrations,
  schema: {
    resolvers: [DossierQueryResolver, DossierResolver, CitizenDossiersResolver, BusinessDossiersResolver, AdministrativeUnitDossierStatsResolver],
    orphanedTypes: [CitizenRef, BusinessRef, AdministrativeUnitRef],
    referenceResolvers: {
      Dossier: (ref, ctx: Context) => ctx.loaders.dossierByCode.load(String(ref.code)),
      Procedure: (ref, ctx: Context) => ctx.loaders.procedureByCode.load(String(ref.code)),
      // Stubs: the key is all this subgraph needs to resolve its contributed fields.
      Citizen: (ref) => ({ id: String(ref.id) }),
      Business: (ref) => ({ taxCode: String(ref.taxCode) }),
      AdministrativeUnit: (ref) => ({ id: String(ref.id) }),
    },
  },
  createLoaders: (em: EntityManager) => createDossierLoaders(em),
  isSeeded: async (em: EntityManager) => (await em.count(Dossier, {})) > 0,
  seed: seedDossiers,
};

if (require.main === module) runSubgraphProcess(subgraph);
