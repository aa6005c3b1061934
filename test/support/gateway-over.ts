import 'reflect-metadata';
import type { GatewayConfig } from '../../gateway/src/config';
import { RunningGateway, startGateway } from '../../gateway/src/gateway';
import { requestLimitsConfig } from '../../gateway/src/plugins/limits/config';
import { BUILT_IN_SUBGRAPHS, loadSubgraph } from '../../subgraphs/catalog';
import type { DatabaseConfig } from '../../subgraphs/kit/config';
import { RunningSubgraph, startSubgraph } from '../../subgraphs/kit';
import { testAccessConfig, testAccessDatabase } from './access';
import { SUPERGRAPH_PATH } from './processes';
import { testSigningSecret } from './test-env';

/**
 * In-process subgraphs started once per test file, and as many gateways over them as a test
 * needs (each with its own circuit breakers), e.g. with one subgraph routed through a fault
 * proxy. Set up like test/support/stack.ts (signed subgraph calls, the test grants).
 */
export interface Subgraphs {
  urls: Record<string, string>;
  running: RunningSubgraph[];
  accessDatabase: DatabaseConfig;
  stop(): Promise<void>;
}

export async function startSubgraphs(names: readonly string[] = BUILT_IN_SUBGRAPHS): Promise<Subgraphs> {
  const accessDatabase = testAccessDatabase();
  const running: RunningSubgraph[] = [];
  for (const name of names) {
    const database = name === 'access' ? { database: accessDatabase } : {};
    running.push(await startSubgraph(loadSubgraph(name), { config: { port: 0, signingSecret: testSigningSecret(), signatureChecks: true, ...database }, seedIfEmpty: false }));
  }
  return {
    urls: Object.fromEntries(running.map((s) => [s.name, s.url])),
    running,
    accessDatabase,
    stop: async () => {
      await Promise.all(running.map((s) => s.stop()));
    },
  };
}

export async function gatewayOver(subgraphs: Subgraphs, overrides: Partial<GatewayConfig> = {}): Promise<RunningGateway> {
  return startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraphPath: SUPERGRAPH_PATH,
    subgraphTimeoutMs: 10_000,
    development: false,
    shutdownTimeoutMs: 2_000,
    // All test traffic comes from one address: no rate limit unless a test sets one.
    requestLimits: requestLimitsConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '0' }),
    ...overrides,
    access: overrides.access ?? (await testAccessConfig(subgraphs.accessDatabase)),
    subgraphSigningSecrets: Object.fromEntries(Object.keys(subgraphs.urls).map((name) => [name, testSigningSecret()])),
    subgraphUrls: { ...subgraphs.urls, ...overrides.subgraphUrls },
  });
}

/** The gateway's base URL (without /graphql), for /healthz, /readyz and /metrics. */
export function baseOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '');
}

/**
 * One more gateway over the subgraphs of a test stack, with request limits read from `env`
 * (rate limits, persisted operations, trusted documents); stopped by the caller.
 */
export async function gatewayWithLimits(subgraphUrls: Record<string, string>, env: Record<string, string>): Promise<RunningGateway> {
  return startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraphPath: SUPERGRAPH_PATH,
    subgraphTimeoutMs: 10_000,
    development: false,
    shutdownTimeoutMs: 2_000,
    subgraphUrls,
    subgraphSigningSecrets: Object.fromEntries([...BUILT_IN_SUBGRAPHS].map((name) => [name, testSigningSecret()])),
    access: await testAccessConfig(testAccessDatabase()),
    requestLimits: requestLimitsConfig(env),
  });
}
