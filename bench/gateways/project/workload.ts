import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILT_IN_SUBGRAPHS } from '../../../subgraphs/catalog';
import { projectRoot } from '../../../subgraphs/kit/project-root';
import { distScript, ServiceProcess, startProcess, startSubgraphProcess } from '../../../test/support/processes';
import { cpuProfileArgs } from '../processes';
import { withRoutingUrls } from '../routing-urls';
import type { BenchRequest, WorkloadStack } from '../workload';
import { AGENCY, CITIZEN_PROFILE, DISTRICT_DASHBOARD, DISTRICTS, DOSSIER_SEARCH, PURPOSE } from './operations';

/**
 * This project's workload over its five real subgraphs (SQLite, seeded at BENCH_SEED_SCALE in
 * a temporary folder, request logs at warn). The subgraphs run with signature checks off
 * (SUBGRAPH_SIGNATURE_CHECKS=off) so that the other gateways can call them; a signed call
 * (this project's gateway signs every call) is still verified and brings its caller. The
 * requests rotate over the three operations with different variables: legal representatives
 * of the first businesses (so profiles have businesses and dossiers), the nine districts, and
 * a month of dossiers per district.
 */
export async function startProjectWorkload(options: { seedScale: number; log: (line: string) => void; replayed?: boolean }): Promise<WorkloadStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bdg-bench-project-'));
  const signingSecret = randomBytes(32).toString('hex');
  const env = (delayMs: number) => ({
    DATA_DIR: dataDir,
    SEED_SCALE: String(options.seedScale),
    SUBGRAPH_SIGNATURE_CHECKS: 'off',
    SUBGRAPH_SIGNING_SECRET: signingSecret,
    LOG_LEVEL: 'warn',
    SUBGRAPH_DELAY_MS: String(delayMs),
  });
  // The subgraphs' CPU profiles too, when BENCH_CPU_PROFILE_DIR asks for them (one file per process start).
  const execArgv = (name: string) => cpuProfileArgs(`project-subgraph-${name}-${Date.now()}`);
  const processes = new Map<string, ServiceProcess>();
  options.log(`seeding and starting ${BUILT_IN_SUBGRAPHS.length} subgraphs (scale ${options.seedScale}, SQLite in ${dataDir})`);
  for (const p of await Promise.all(BUILT_IN_SUBGRAPHS.map((name) => startSubgraphProcess(name, { env: env(0), execArgv: execArgv(name) })))) processes.set(p.name, p);
  const realUrls = Object.fromEntries([...processes].map(([name, p]) => [name, p.url]));
  const requests = await projectRequests(realUrls.business);
  // project-replayed: the gateways call answer-memo processes in front of the real subgraphs.
  const memos = new Map<string, ServiceProcess>();
  const startMemo = async (name: string, port = 0, delayMs = 0) =>
    memos.set(name, await startProcess({ name: `${name} (answers replayed)`, script: distScript('bench/gateways/project/answer-memo.js'), env: { MEMO_TARGET: realUrls[name], MEMO_PORT: String(port), SUBGRAPH_DELAY_MS: String(delayMs) } }));
  if (options.replayed) await Promise.all(BUILT_IN_SUBGRAPHS.map((name) => startMemo(name)));
  const subgraphUrls = options.replayed ? Object.fromEntries([...memos].map(([name, p]) => [name, p.url])) : realUrls;
  return {
    name: options.replayed ? 'project-replayed' : 'project',
    supergraphSdl: withRoutingUrls(readFileSync(path.join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8'), subgraphUrls),
    subgraphUrls,
    requests,
    agency: AGENCY,
    projectGatewayEnv: {},
    dataDir,
    signingSecret,
    subgraphRequests: async () => {
      if (options.replayed) {
        const counts = await Promise.all([...memos.values()].map(async (p) => ((await (await fetch(new URL('/count', p.url))).json()) as { requests: number }).requests));
        return counts.reduce((a, b) => a + b, 0);
      }
      const counts = await Promise.all([...processes.values()].map(async (p) => graphqlRequestsOf(await (await fetch(new URL('/metrics', p.url))).text())));
      return counts.reduce((a, b) => a + b, 0);
    },
    restartSubgraphs: async (delayMs) => {
      if (options.replayed) {
        // The delay models the network in front of the subgraphs: the memos hold each call (their memory starts afresh).
        for (const [name, old] of memos) {
          await old.stop('SIGTERM');
          await startMemo(name, old.port, delayMs);
        }
        return;
      }
      for (const [name, old] of processes) {
        await old.stop('SIGTERM');
        processes.set(name, await startSubgraphProcess(name, { port: old.port, env: env(delayMs), execArgv: execArgv(name) }));
      }
    },
    stop: async () => {
      await Promise.all([...memos.values(), ...processes.values()].map((p) => p.stop('SIGTERM')));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The sum of a subgraph's graphql_requests_total counters (subgraphs/kit/telemetry/metrics.ts). */
export function graphqlRequestsOf(metrics: string): number {
  let total = 0;
  for (const match of metrics.matchAll(/^graphql_requests_total\{[^}]*\}\s+(\d+)/gm)) total += Number(match[1]);
  return total;
}

async function projectRequests(businessUrl: string): Promise<BenchRequest[]> {
  // Citizens who represent a business (asked of the business subgraph directly: checks are off).
  const response = await fetch(businessUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ businesses(first: 9) { edges { node { legalRepresentative { id } } } } }' }),
  });
  const body = (await response.json()) as { data?: { businesses: { edges: { node: { legalRepresentative: { id: string } | null } }[] } } };
  const citizens = (body.data?.businesses.edges ?? []).map((e) => e.node.legalRepresentative?.id).filter((id): id is string => Boolean(id));
  if (citizens.length === 0) throw new Error(`project workload: the business subgraph named no legal representatives: ${JSON.stringify(body).slice(0, 300)}`);
  const requests: BenchRequest[] = [];
  DISTRICTS.forEach((district, i) => {
    requests.push({ operation: 'CitizenProfile', body: JSON.stringify({ query: CITIZEN_PROFILE, variables: { id: citizens[i % citizens.length] } }), headers: { 'x-purpose': PURPOSE }, personal: true });
    requests.push({ operation: 'DistrictDashboard', body: JSON.stringify({ query: DISTRICT_DASHBOARD, variables: { id: district, from: '2023-01-01', to: '2023-12-31' } }), headers: {} });
    const month = String(1 + (i % 12)).padStart(2, '0');
    requests.push({
      operation: 'DossierSearch',
      body: JSON.stringify({ query: DOSSIER_SEARCH, variables: { filter: { receivingUnitId: district, submittedFrom: `2023-${month}-01`, submittedTo: `2023-${month}-28` }, after: null } }),
      headers: {},
    });
  });
  return requests;
}
