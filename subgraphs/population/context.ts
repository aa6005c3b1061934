import type { SubgraphContext } from '../kit';
import type { PopulationLoaders } from './loaders';

/** What every resolver of this subgraph gets (fresh per request). */
export type PopulationContext = SubgraphContext<PopulationLoaders>;
