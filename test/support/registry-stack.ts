import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GatewayConfig } from '../../gateway/src/config';
import { requestLimitsConfig } from '../../gateway/src/plugins/limits/config';
import { RunningGateway, startGateway } from '../../gateway/src/gateway';
import { BUILT_IN_SUBGRAPHS, loadSubgraph } from '../../subgraphs/catalog';
import { RunningSubgraph, startSubgraph } from '../../subgraphs/kit';
import type { DatabaseConfig } from '../../subgraphs/kit/config';
import { RegistryClient } from '../../schema/registry/cli/client';
import { testAccessConfig, testAccessDatabase } from './access';
import { SUPERGRAPH_PATH } from './processes';
import { builtInSdls, startTestRegistry, TestRegistry } from './registry';

/**
 * The system as `npm start` runs it with the registry: the built-in subgraphs registered by
 * agency "sotttt" through the publish API (each started with the signing secret the registry
 * issued), and a gateway that follows the registry's current supergraph.
 */
export interface RegistryStack {
  registry: TestRegistry;
  sotttt: RegistryClient;
  gatewayToken: string;
  subgraphs: RunningSubgraph[];
  /** The signing secret the registry issued to each built-in subgraph. */
  signingSecrets: Record<string, string>;
  gateway: RunningGateway;
  gatewayUrl: string;
  /** The gateway's data folder (last good supergraph). */
  stateDir: string;
  accessDatabase: DatabaseConfig;
  /** Starts another gateway over the same registry and subgraphs (e.g. with the registry down). */
  startGateway(overrides?: Partial<GatewayConfig>): Promise<RunningGateway>;
  stop(): Promise<void>;
}

export async function startRegistryStack(): Promise<RegistryStack> {
  const registry = await startTestRegistry();
  await registry.admin.createAgency('sotttt', 'Sở Thông tin và Truyền thông');
  const sotttt = new RegistryClient(registry.url, (await registry.admin.issueAgencyToken('sotttt', { label: 'npm-start' })).token);
  const sdls = await builtInSdls();
  // Register first (the registry issues each subgraph's secret), then start each subgraph with
  // its secret and publish where it actually listens.
  for (const name of BUILT_IN_SUBGRAPHS) {
    const result = await sotttt.publish(name, { sdl: sdls[name], url: `http://127.0.0.1:9/${name}/graphql` });
    if (result.status === 'refused') throw new Error(`${name}: ${result.report.summary}`);
  }
  const secrets = Object.fromEntries((await registry.admin.signingSecrets()).map((s) => [s.name, s.secret]));
  const accessDatabase = testAccessDatabase();
  const subgraphs: RunningSubgraph[] = [];
  for (const name of BUILT_IN_SUBGRAPHS) {
    const database = name === 'access' ? { database: accessDatabase } : {};
    const running = await startSubgraph(loadSubgraph(name), { config: { port: 0, signingSecret: secrets[name], signatureChecks: true, ...database }, seedIfEmpty: false });
    subgraphs.push(running);
    await sotttt.publish(name, { sdl: sdls[name], url: running.url });
  }
  const gatewayToken = (await registry.admin.issueGatewayToken({ label: 'test-gateway' })).token;
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'bdg-gateway-state-'));
  const access = await testAccessConfig(accessDatabase);
  const gateways: RunningGateway[] = [];
  const start = async (overrides: Partial<GatewayConfig> = {}) => {
    const gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: SUPERGRAPH_PATH,
      subgraphTimeoutMs: 10_000,
      development: false,
      shutdownTimeoutMs: 5_000,
      access,
      // The load test sends thousands of anonymous requests a minute from one address.
      requestLimits: requestLimitsConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '100000' }),
      subgraphUrls: {},
      registry: { url: registry.url, token: gatewayToken, stateDir, retryIntervalMs: 200, longPollSeconds: 5, healthCheck: false, usageReportIntervalMs: 200 },
      ...overrides,
    });
    gateways.push(gateway);
    return gateway;
  };
  const gateway = await start();
  return {
    registry,
    sotttt,
    gatewayToken,
    subgraphs,
    signingSecrets: secrets,
    gateway,
    gatewayUrl: gateway.url,
    stateDir,
    accessDatabase,
    startGateway: start,
    stop: async () => {
      await Promise.all(gateways.map((g) => g.stop()));
      await Promise.all(subgraphs.map((s) => s.stop()));
      await registry.stop().catch(() => undefined);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** The gateway's /readyz body. */
export async function readyz(gatewayUrl: string): Promise<{ status: string; supergraph_version: number | null }> {
  return (await fetch(gatewayUrl.replace(/\/graphql$/, '/readyz'))).json() as Promise<{ status: string; supergraph_version: number | null }>;
}

/** Waits (at most `timeoutMs`) until the gateway serves the given registry version. */
export async function waitForVersion(gatewayUrl: string, version: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await readyz(gatewayUrl);
    if (body.supergraph_version === version) return;
    if (Date.now() > deadline) throw new Error(`the gateway still serves version ${body.supergraph_version}, not ${version}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
