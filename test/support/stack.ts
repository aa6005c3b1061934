import 'reflect-metadata';
import path from 'node:path';
import type { GatewayConfig } from '../../gateway/src/config';
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

export interface StackOptions {
  /** Gateway settings that differ from the test defaults (e.g. a subgraph URL pointing at a fake). */
  gateway?: Partial<GatewayConfig>;
  /** Subgraphs to start (default: all built-in ones). */
  subgraphs?: readonly string[];
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const subgraphs: Record<string, RunningSubgraph> = {};
  for (const name of options.subgraphs ?? BUILT_IN_SUBGRAPHS) {
    subgraphs[name] = await startSubgraph(loadSubgraph(name), { config: { port: 0 }, seedIfEmpty: false });
  }
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraphPath: path.resolve(__dirname, '../../schema/supergraph.graphql'),
    subgraphTimeoutMs: 10_000,
    development: false,
    shutdownTimeoutMs: 5_000,
    ...options.gateway,
    subgraphUrls: { ...Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])), ...options.gateway?.subgraphUrls },
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
