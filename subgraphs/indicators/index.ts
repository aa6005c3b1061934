import { migrations } from './migrations';
import 'reflect-metadata';
import { runSubgraphProcess, SeedRun, SubgraphDefinition } from '../kit';
import { Indicator } from './entities/indicator';
import { ObservationRow } from './entities/observation-row';
import { RollupWeight } from './entities/rollup-weight';
import { Sector } from './entities/sector';
import { Target } from './entities/target';
import { createLoaders, IndicatorsLoaders } from './loaders';
import { AdministrativeUnitIndicatorsResolver } from './resolvers/administrative-unit.resolver';
import { IndicatorResolver } from './resolvers/indicator.resolver';
import { ObservationResolver } from './resolvers/observation.resolver';
import { IndicatorQueryResolver } from './resolvers/query.resolver';
import { SectorResolver } from './resolvers/sector.resolver';
import { TargetResolver } from './resolvers/target.resolver';
import { seedIndicators } from './seed';
import { AdministrativeUnitRef } from './types/administrative-unit';

/**
 * The indicators subgraph: the operations centre's (IOC) indicator catalogue, time series
 * per administrative unit with roll-up to parent units, and programme targets with their
 * derived status.
 */
export const subgraph: SubgraphDefinition<IndicatorsLoaders> = {
  name: 'indicators',
  entities: [Sector, Indicator, ObservationRow, RollupWeight, Target, SeedRun],
  migrations,
  schema: {
    resolvers: [
      IndicatorQueryResolver,
      IndicatorResolver,
      SectorResolver,
      ObservationResolver,
      TargetResolver,
      AdministrativeUnitIndicatorsResolver,
    ],
    orphanedTypes: [AdministrativeUnitRef],
    referenceResolvers: {
      Indicator: (reference, ctx) => ctx.loaders.indicator.load(String(reference.code)),
      AdministrativeUnit: (reference) => ({ id: String(reference.id) }),
    },
  },
  createLoaders,
  isSeeded: async (em) => (await em.count(Indicator, {})) > 0,
  seed: seedIndicators,
};

if (require.main === module) runSubgraphProcess(subgraph);
