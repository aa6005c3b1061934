import 'reflect-metadata';
import { runSubgraphProcess, SubgraphDefinition } from '../kit';
import { AccessRecordsResolver } from './resolvers/query';
import { ACCESS_STORE, AccessRecord } from './store/entities';

/**
 * The access subgraph: "who read my data". It reads the access-record database the gateway's
 * audit step appends to (store/), and answers a citizen with the records about them only.
 * It has no seed: its table fills as personal data is read.
 */
export const subgraph: SubgraphDefinition<Record<string, never>> = {
  ...ACCESS_STORE,
  schema: { resolvers: [AccessRecordsResolver] },
  createLoaders: () => ({}),
  seedless: true,
  isSeeded: async () => true,
  seed: async () => undefined,
};

export { AccessRecord };

if (require.main === module) runSubgraphProcess(subgraph);
