import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import type { Pools } from '../differential/generate';

/**
 * Small supergraphs written to exercise federation features the project's own graph does not
 * use (test/differential-federation-features.test.ts): each subgraph is `buildSubgraphSchema`
 * over in-memory resolvers with small deterministic data, served over HTTP on 127.0.0.1, and the
 * supergraph is composed with @apollo/composition when the fixture starts.
 */
export interface SubgraphDefinition {
  name: string;
  typeDefs: string;
  resolvers: GraphQLResolverMap<unknown>;
}

export interface FederationFixture {
  name: string;
  subgraphs: SubgraphDefinition[];
  /** Argument values for the generator, from the fixture's ids. */
  pools: Pools;
}

export interface RunningFixture {
  supergraphSdl: string;
  urls: Record<string, string>;
  stop(): Promise<void>;
}

export const FEDERATION_LINK = (imports: string[]) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${imports.map((i) => `"${i}"`).join(', ')}])`;

export async function startFixture(fixture: FederationFixture): Promise<RunningFixture> {
  const servers: ApolloServer[] = [];
  const urls: Record<string, string> = {};
  const stop = async () => void (await Promise.all(servers.map((s) => s.stop())));
  try {
    for (const subgraph of fixture.subgraphs) {
      const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs: parse(subgraph.typeDefs), resolvers: subgraph.resolvers }), includeStacktraceInErrorResponses: false, plugins: [ApolloServerPluginInlineTraceDisabled()] });
      servers.push(server);
      ({ url: urls[subgraph.name] } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const composed = composeServices(fixture.subgraphs.map((s) => ({ name: s.name, typeDefs: parse(s.typeDefs), url: urls[s.name] })));
  if (composed.errors) {
    await stop();
    throw new Error(`${fixture.name} does not compose:\n${composed.errors.map((e) => e.message).join('\n')}`);
  }
  return { supergraphSdl: composed.supergraphSdl, urls, stop };
}
