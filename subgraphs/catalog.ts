import type { SubgraphDefinition } from './kit';

/** The built-in subgraphs, in start order. Each folder's index.ts exports `subgraph`. */
export const BUILT_IN_SUBGRAPHS = ['population', 'business', 'dossiers', 'indicators', 'access'] as const;
export type BuiltInSubgraph = (typeof BUILT_IN_SUBGRAPHS)[number];

/** Loads one subgraph's definition lazily, so a process pays only for what it runs. */
export function loadSubgraph(name: string): SubgraphDefinition<any> {
  if (!(BUILT_IN_SUBGRAPHS as readonly string[]).includes(name)) {
    throw new Error(`Unknown subgraph "${name}"; known: ${BUILT_IN_SUBGRAPHS.join(', ')}`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`./${name}`).subgraph as SubgraphDefinition<any>;
}
