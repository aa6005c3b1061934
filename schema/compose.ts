import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { BUILT_IN_SUBGRAPHS, loadSubgraph } from '../subgraphs/catalog';
import { buildFederatedSchema } from '../subgraphs/kit/federation';
import { DEFAULT_PORTS } from '../subgraphs/kit/config';
import { projectRoot } from '../subgraphs/kit/project-root';

/** Where the committed schema files live (in the source tree, also when run from dist/). */
export const SCHEMA_DIR = path.join(projectRoot(), 'schema');
export const SUPERGRAPH_FILE = path.join(SCHEMA_DIR, 'supergraph.graphql');

export interface ComposedGraph {
  supergraphSdl: string;
  subgraphSdls: Record<string, string>;
}

export class CompositionFailedError extends Error {
  override name = 'CompositionFailedError';
}

/** The routing URL written into the supergraph: the local default; the gateway overrides it by `<NAME>_URL`. */
export function defaultRoutingUrl(name: string): string {
  return `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;
}

/** Builds each built-in subgraph's SDL from its code and composes them (no database needed). */
export async function composeBuiltInSubgraphs(): Promise<ComposedGraph> {
  const subgraphSdls: Record<string, string> = {};
  for (const name of BUILT_IN_SUBGRAPHS) {
    subgraphSdls[name] = (await buildFederatedSchema(loadSubgraph(name).schema)).typeDefs;
  }
  const result = composeServices(
    BUILT_IN_SUBGRAPHS.map((name) => ({ name, url: defaultRoutingUrl(name), typeDefs: parse(subgraphSdls[name]) })),
  );
  if (result.errors) {
    throw new CompositionFailedError(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`, subgraphSdls };
}

async function main(): Promise<void> {
  const composed = await composeBuiltInSubgraphs();
  mkdirSync(path.join(SCHEMA_DIR, 'subgraphs'), { recursive: true });
  for (const [name, sdl] of Object.entries(composed.subgraphSdls)) {
    writeFileSync(path.join(SCHEMA_DIR, 'subgraphs', `${name}.graphql`), `${sdl.trimEnd()}\n`);
  }
  writeFileSync(SUPERGRAPH_FILE, composed.supergraphSdl);
  console.log(`Composed ${Object.keys(composed.subgraphSdls).length} subgraphs into ${path.relative(process.cwd(), SUPERGRAPH_FILE)}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
