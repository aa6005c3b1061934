import 'reflect-metadata';
import path from 'node:path';
import type { GatewayConfig } from '../../gateway/src/config';
import { startGateway, RunningGateway } from '../../gateway/src/gateway';
import { BUILT_IN_SUBGRAPHS, loadSubgraph } from '../../subgraphs/catalog';
import { RunningSubgraph, startSubgraph } from '../../subgraphs/kit';
import { testSigningSecret } from './test-env';
import type { DatabaseConfig } from '../../subgraphs/kit/config';
import { testAccessConfig, testAccessDatabase } from './access';

/** The whole system on free ports: the four subgraphs over the seeded test data, and the gateway over real HTTP. */
export interface Stack {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  /** SQL statements each subgraph ran since the last reset. */
  sqlStatements(): Record<string, number>;
  resetSqlStatements(): void;
  /** This stack's own access-record database (written by its gateway, read by its access subgraph). */
  accessDatabase: DatabaseConfig;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Gateway settings that differ from the test defaults (e.g. a subgraph URL pointing at a fake). */
  gateway?: Partial<GatewayConfig>;
  /** Subgraphs to start (default: all built-in ones). */
  subgraphs?: readonly string[];
}

/** Subgraph requests (to /graphql, admitted or refused) since the last reset, per subgraph. */
export function subgraphRequests(stack: Stack): Record<string, number> {
  return Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.graphqlRequests()]));
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const subgraphs: Record<string, RunningSubgraph> = {};
  const accessDatabase = options.gateway?.access?.accessDatabase ?? testAccessDatabase();
  for (const name of options.subgraphs ?? BUILT_IN_SUBGRAPHS) {
    const database = name === 'access' ? { database: accessDatabase } : {};
    subgraphs[name] = await startSubgraph(loadSubgraph(name), { config: { port: 0, signingSecret: testSigningSecret(), signatureChecks: true, ...database }, seedIfEmpty: false });
  }
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraphPath: path.resolve(__dirname, '../../schema/supergraph.graphql'),
    subgraphTimeoutMs: 10_000,
    development: false,
    shutdownTimeoutMs: 5_000,
    ...options.gateway,
    access: options.gateway?.access ?? (await testAccessConfig(accessDatabase)),
    subgraphSigningSecrets: { ...Object.fromEntries(Object.keys(subgraphs).map((name) => [name, testSigningSecret()])), ...options.gateway?.subgraphSigningSecrets },
    subgraphUrls: { ...Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])), ...options.gateway?.subgraphUrls },
  });
  return {
    gatewayUrl: gateway.url,
    gateway,
    subgraphs,
    sqlStatements: () => Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.database.sqlStatements()])),
    resetSqlStatements: () => Object.values(subgraphs).forEach((s) => s.database.resetSqlStatements()),
    accessDatabase,
    stop: async () => {
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    },
  };
}
