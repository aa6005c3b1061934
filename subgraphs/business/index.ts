import { migrations } from './migrations';
import type { EntityManager } from '@mikro-orm/core';
import { runSubgraphProcess, SeedRun, SubgraphDefinition } from '../kit';
import { Business } from './entities/business';
import { Industry } from './entities/industry';
import { IndustrySection } from './entities/industry-section';
import { AdministrativeUnitRef, CitizenRef } from './entities/stubs';
import { BusinessLoaders, createLoaders } from './loaders';
import { AdministrativeUnitBusinessStatsResolver } from './resolvers/administrative-unit.resolver';
import { BusinessResolver } from './resolvers/business.resolver';
import { CitizenBusinessesResolver } from './resolvers/citizen.resolver';
import { IndustryResolver } from './resolvers/industry.resolver';
import { seedBusinessData } from './seed';

/**
 * The business subgraph: enterprises of the province (tax code, VSIC 2018 industry, status,
 * digital transformation flags), Citizen.businesses and AdministrativeUnit.businessStats.
 */
export const subgraph: SubgraphDefinition<BusinessLoaders> = {
  name: 'business',
  entities: [Business, Industry, IndustrySection, SeedRun],
  migrations,
  schema: {
    resolvers: [BusinessResolver, IndustryResolver, CitizenBusinessesResolver, AdministrativeUnitBusinessStatsResolver],
    orphanedTypes: [CitizenRef, AdministrativeUnitRef],
    referenceResolvers: {
      Business: (reference, context) =>
        typeof reference.taxCode === 'string' ? (context as { loaders: BusinessLoaders }).loaders.business.load(reference.taxCode) : null,
      // Keys are all these stubs' field resolvers need; the population subgraph owns the rest.
      Citizen: (reference) => ({ id: reference.id }),
      AdministrativeUnit: (reference) => ({ id: reference.id }),
    },
  },
  createLoaders,
  isSeeded: async (em: EntityManager) => (await em.count(Business, {})) > 0,
  seed: seedBusinessData,
};

if (require.main === module) runSubgraphProcess(subgraph);
