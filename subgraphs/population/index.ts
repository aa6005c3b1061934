import { migrations } from './migrations';
import { Citizen } from './entities/citizen.entity';
import { AdministrativeUnit } from './entities/administrative-unit.entity';
import { Household } from './entities/household.entity';
import { UnitResidents } from './entities/unit-residents.entity';
import { runSubgraphProcess, SeedRun, SubgraphDefinition } from '../kit';
import { createLoaders, PopulationLoaders } from './loaders';
import { AdministrativeUnitResolver } from './resolvers/administrative-unit.resolver';
import { CitizenResolver } from './resolvers/citizen.resolver';
import { HouseholdResolver } from './resolvers/household.resolver';
import { UnitSuccessionResolver } from './resolvers/unit-succession.resolver';
import { seedPopulation } from './seed';
import type { PopulationContext } from './context';

/**
 * The population subgraph: administrative units, citizens and households (owner of the
 * AdministrativeUnit, Citizen and Household entities), with resident counts per unit.
 */
export const subgraph: SubgraphDefinition<PopulationLoaders> = {
  name: 'population',
  entities: [AdministrativeUnit, Citizen, Household, UnitResidents, SeedRun],
  migrations,
  schema: {
    resolvers: [AdministrativeUnitResolver, UnitSuccessionResolver, CitizenResolver, HouseholdResolver],
    referenceResolvers: {
      AdministrativeUnit: (ref, ctx: PopulationContext) => ctx.loaders.unit.load(String(ref.id)),
      Citizen: (ref, ctx: PopulationContext) => ctx.loaders.citizen.load(String(ref.id)),
      Household: (ref, ctx: PopulationContext) => ctx.loaders.household.load(String(ref.id)),
    },
  },
  createLoaders,
  isSeeded: async (em) => (await em.count(Citizen, {})) > 0,
  seed: seedPopulation,
};

if (require.main === module) runSubgraphProcess(subgraph);
