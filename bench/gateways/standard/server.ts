import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { DocumentNode, execute, GraphQLSchema, parse, validate } from 'graphql';
import { loadStandardData } from './data';
import { standardResolvers } from './resolvers';
import { STANDARD_SUBGRAPHS, StandardSubgraph, standardSubgraphSdl } from './sdl';

/**
 * One standard subgraph as a lean process: node:http, graphql-js with each document parsed and
 * validated once, no framework, so the gateways in front are measured and not this. It counts
 * the GraphQL requests it receives (GET /count), can hold each one SUBGRAPH_DELAY_MS to model
 * network latency, and (STANDARD_SUBGRAPH_MEMO, on by default) answers a body it has answered
 * before from memory: the data is static, so the answer is the same, and the subgraph's CPU
 * stays out of the figures. Started by bench/gateways/standard/workload.ts.
 */

export interface StandardSubgraphServer {
  url: string;
  requests(): number;
  close(): Promise<void>;
}

const MEMO_LIMIT = 10_000;

export function standardSchema(name: StandardSubgraph): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: parse(standardSubgraphSdl(name, { classified: true })), resolvers: standardResolvers(name, loadStandardData()) });
}

export async function startStandardSubgraph(name: StandardSubgraph, options: { port?: number; delayMs?: number; memo?: boolean } = {}): Promise<StandardSubgraphServer> {
  const schema = standardSchema(name);
  const documents = new Map<string, DocumentNode | readonly Error[]>();
  const memo = new Map<string, string>();
  const delayMs = options.delayMs ?? 0;
  let requests = 0;

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

  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/count') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requests }));
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const respond = () =>
        answer(Buffer.concat(chunks).toString('utf8')).then(
          (text) => res.writeHead(200, { 'content-type': 'application/json' }).end(text),
          (error: Error) => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] })),
        );
      if (delayMs > 0) setTimeout(respond, delayMs);
      else respond();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${name}`;
  return {
    url,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Process entry: STANDARD_SUBGRAPH names the subgraph; tells the parent its URL over IPC. */
if (require.main === module) {
  const name = process.env.STANDARD_SUBGRAPH as StandardSubgraph;
  if (!STANDARD_SUBGRAPHS.includes(name)) throw new Error(`STANDARD_SUBGRAPH must be one of ${STANDARD_SUBGRAPHS.join(', ')}, got "${name}"`);
  startStandardSubgraph(name, {
    port: Number(process.env.STANDARD_SUBGRAPH_PORT ?? 0),
    delayMs: Number(process.env.SUBGRAPH_DELAY_MS ?? 0),
    memo: (process.env.STANDARD_SUBGRAPH_MEMO ?? 'on') !== 'off',
  }).then((s) => {
    process.send?.({ type: 'ready', name, url: s.url });
    const stop = () => s.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
