import 'reflect-metadata';
import path from 'node:path';
import { startGateway, RunningGateway } from '../../gateway/src/gateway';
import { BUILT_IN_SUBGRAPHS, loadSubgraph } from '../../subgraphs/catalog';
import { RunningSubgraph, startSubgraph } from '../../subgraphs/kit';

/** The whole system on free ports: the four subgraphs over the seeded test data, and the gateway over real HTTP. */
export interface Stack {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  /** SQL statements each subgraph ran since the last reset. */
  sqlStatements(): Record<string, number>;
  resetSqlStatements(): void;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const subgraphs: Record<string, RunningSubgraph> = {};
  for (const name of BUILT_IN_SUBGRAPHS) {
    subgraphs[name] = await startSubgraph(loadSubgraph(name), { config: { port: 0 }, seedIfEmpty: false });
  }
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraphPath: path.resolve(__dirname, '../../schema/supergraph.graphql'),
    subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
    subgraphTimeoutMs: 10_000,
    development: false,
    shutdownTimeoutMs: 5_000,
  });
  return {
    gatewayUrl: gateway.url,
    gateway,
    subgraphs,
    sqlStatements: () => Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.database.sqlStatements()])),
    resetSqlStatements: () => Object.values(subgraphs).forEach((s) => s.database.resetSqlStatements()),
    stop: async () => {
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    },
  };
}
