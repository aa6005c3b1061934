import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distScript, ServiceProcess, startProcess } from '../../../test/support/processes';
import { withRoutingUrls } from '../routing-urls';
import type { WorkloadStack } from '../workload';
import { standardFile } from './paths';
import { STANDARD_SUBGRAPHS, StandardSubgraph } from './sdl';
import { composeStandardSupergraph } from './supergraph';

/**
 * The standard workload: its four subgraphs as processes (standard/server.ts), the shared
 * query, and the shared expected response. This project's gateway gets MAX_COST raised: the
 * query's lists have no size, so its cost estimate (every list assumed 20 long, nested four
 * deep) is 341,025, far above the default limit of 5,000; as shipped it would refuse the query.
 */
export const STANDARD_MAX_COST = '500000';

export async function startStandardWorkload(): Promise<WorkloadStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bdg-bench-standard-'));
  const query = readFileSync(standardFile('query.graphql'), 'utf8');
  const expected = JSON.parse(readFileSync(standardFile('expected-response.json'), 'utf8'));
  const processes = new Map<StandardSubgraph, ServiceProcess>();
  const start = async (name: StandardSubgraph, port = 0, delayMs = 0) => {
    const child = await startProcess({
      name,
      script: distScript('bench/gateways/standard/server.js'),
      env: { STANDARD_SUBGRAPH: name, STANDARD_SUBGRAPH_PORT: String(port), SUBGRAPH_DELAY_MS: String(delayMs) },
    });
    processes.set(name, child);
  };
  await Promise.all(STANDARD_SUBGRAPHS.map((name) => start(name)));
  const subgraphUrls = Object.fromEntries(STANDARD_SUBGRAPHS.map((name) => [name, processes.get(name)!.url]));
  return {
    name: 'standard',
    supergraphSdl: withRoutingUrls(composeStandardSupergraph({ classified: true }), subgraphUrls),
    subgraphUrls,
    requests: [{ operation: 'TestQuery', body: JSON.stringify({ query }), headers: {}, expected }],
    agency: 'DEMO-AGENCY',
    projectGatewayEnv: { MAX_COST: STANDARD_MAX_COST },
    dataDir,
    signingSecret: randomBytes(32).toString('hex'),
    subgraphRequests: async () => {
      const counts = await Promise.all(
        [...processes.values()].map(async (p) => ((await (await fetch(new URL('/count', p.url))).json()) as { requests: number }).requests),
      );
      return counts.reduce((a, b) => a + b, 0);
    },
    restartSubgraphs: async (delayMs) => {
      for (const name of STANDARD_SUBGRAPHS) {
        const old = processes.get(name)!;
        await old.stop('SIGTERM');
        await start(name, old.port, delayMs);
      }
    },
    stop: async () => {
      await Promise.all([...processes.values()].map((p) => p.stop('SIGTERM')));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
