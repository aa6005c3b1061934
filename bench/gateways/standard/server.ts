import { buildSubgraphSchema } from '@apollo/subgraph';
import { DocumentNode, execute, GraphQLSchema, parse, validate } from 'graphql';
import { LeanServer, serveAsChildProcess, startLeanServer } from '../lean-server';
import { loadStandardData } from './data';
import { standardResolvers } from './resolvers';
import { STANDARD_SUBGRAPHS, StandardSubgraph, standardSubgraphSdl } from './sdl';

/**
 * One standard subgraph as a lean process (../lean-server.ts: it counts its requests and can
 * hold each one SUBGRAPH_DELAY_MS), graphql-js with each document parsed and validated once, so
 * the gateways in front are measured and not this. With STANDARD_SUBGRAPH_MEMO (on by default)
 * it answers a body it has answered before from memory: the data is static, so the answer is
 * the same, and the subgraph's CPU stays out of the figures. Started by
 * bench/gateways/standard/workload.ts.
 */

export type StandardSubgraphServer = LeanServer;

const MEMO_LIMIT = 10_000;

export function standardSchema(name: StandardSubgraph): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: parse(standardSubgraphSdl(name, { classified: true })), resolvers: standardResolvers(name, loadStandardData()) });
}

export async function startStandardSubgraph(name: StandardSubgraph, options: { port?: number; delayMs?: number; memo?: boolean } = {}): Promise<StandardSubgraphServer> {
  const schema = standardSchema(name);
  const documents = new Map<string, DocumentNode | readonly Error[]>();
  const memo = new Map<string, string>();

  const document = (query: string): DocumentNode | readonly Error[] => {
    let doc = documents.get(query);
    if (!doc) {
      try {
        const parsed = parse(query);
        const errors = validate(schema, parsed);
        doc = errors.length ? errors : parsed;
      } catch (error) {
        doc = [error as Error];
      }
      if (documents.size < MEMO_LIMIT) documents.set(query, doc);
    }
    return doc;
  };

  const answer = async (body: string): Promise<string> => {
    const remembered = options.memo ? memo.get(body) : undefined;
    if (remembered) return remembered;
    const { query, variables, operationName } = JSON.parse(body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    const doc = document(query);
    const result = Array.isArray(doc)
      ? { errors: doc.map((e) => ({ message: e.message })) }
      : await execute({ schema, document: doc as DocumentNode, variableValues: variables, operationName });
    const text = JSON.stringify(result);
    if (options.memo && !('errors' in result && result.errors) && memo.size < MEMO_LIMIT) memo.set(body, text);
    return text;
  };

  return startLeanServer({ port: options.port, delayMs: options.delayMs, path: `/${name}`, errorStatus: 400, answer });
}

/** Process entry: STANDARD_SUBGRAPH names the subgraph; tells the parent its URL over IPC. */
if (require.main === module) {
  const name = process.env.STANDARD_SUBGRAPH as StandardSubgraph;
  if (!STANDARD_SUBGRAPHS.includes(name)) throw new Error(`STANDARD_SUBGRAPH must be one of ${STANDARD_SUBGRAPHS.join(', ')}, got "${name}"`);
  serveAsChildProcess(startStandardSubgraph(name, {
    port: Number(process.env.STANDARD_SUBGRAPH_PORT ?? 0),
    delayMs: Number(process.env.SUBGRAPH_DELAY_MS ?? 0),
    memo: (process.env.STANDARD_SUBGRAPH_MEMO ?? 'on') !== 'off',
  }), { name });
}
