import { BUILT_IN_SUBGRAPHS } from '../../../subgraphs/catalog';
import { builtInSdl } from '../bootstrap';
import { composeSubgraphs, Composition } from '../checks/composition';

/**
 * Composes a subgraph's SDL with the built-in subgraphs (their SDL from code), as the registry
 * would on its first publish: a scaffolded subgraph's own test calls this.
 */
export async function composeWithBuiltIns(name: string, sdl: string): Promise<Composition> {
  const builtIns = await Promise.all(BUILT_IN_SUBGRAPHS.map(async (builtIn) => ({ name: builtIn, url: `http://127.0.0.1:9/${builtIn}/graphql`, sdl: await builtInSdl(builtIn) })));
  return composeSubgraphs([...builtIns, { name, url: 'http://127.0.0.1:9/new/graphql', sdl }]);
}
