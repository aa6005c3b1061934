import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devKeyDir } from '../../../gateway/src/plugins/auth/dev-keys';
import { projectRoot } from '../../../subgraphs/kit/project-root';
import { writeMarkedSection } from '../../markdown-section';
import { GATEWAYS, GatewayId, gatewayKind } from '../gateways';
import { machineLine, pinSelf } from '../machine';
import { Env, list, number, setupOptions } from '../options';
import { startRecordingProxies } from '../plans/recorder';
import type { PinnedProcess } from '../processes';
import { startProjectWorkload } from '../project/workload';
import { withRoutingUrls } from '../routing-urls';
import { startStandardWorkload } from '../standard/workload';
import { tokenMinter } from '../tokens';
import type { WorkloadName, WorkloadStack } from '../workload';
import { medianPhases, PHASES, PhaseName, RequestPhases, requestPhases } from './phases';

/**
 * `npm run bench:timeline`: where a single request's time goes in each gateway. Every subgraph
 * sits behind a recording proxy that holds each call BENCH_DELAY_MS; the gateways (all started,
 * each pinned like `npm run bench` pins them) take the workload's requests one at a time,
 * interleaved request by request so that no gateway meets warmer subgraphs than another. Per
 * operation, the median of: the whole request, the gateway's time before its first call,
 * between stages and after the last answer, and the subgraphs' time on the critical path.
 */
interface TimelineOptions {
  workloads: WorkloadName[];
  gateways: GatewayId[];
  rotations: number;
  warmupRotations: number;
  delayMs: number;
  seedScale: number;
  gatewayCpus: string;
  loadCpus: string;
  output: string;
}

const WORKLOADS: WorkloadName[] = ['standard', 'project', 'project-replayed'];

function timelineOptions(env: Env = process.env): TimelineOptions {
  return {
    workloads: (env.BENCH_WORKLOADS ? list(env, 'BENCH_WORKLOADS', WORKLOADS) : ['project']) as WorkloadName[],
    // One request at a time: merging identical calls never applies, so one row per planner.
    gateways: (env.BENCH_GATEWAYS ? list(env, 'BENCH_GATEWAYS', GATEWAYS.map((g) => g.id)) : ['project', 'apollo', 'hive-router-nodedupe']) as GatewayId[],
    rotations: number(env, 'BENCH_TIMELINE_ROTATIONS', 20, 1),
    warmupRotations: number(env, 'BENCH_TIMELINE_WARMUP', 5, 0),
    ...setupOptions(env),
    output: env.BENCH_OUTPUT || path.join(projectRoot(), 'BENCHMARKS.md'),
  };
}

function log(line: string): void {
  console.log(`[timeline ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

const LABELS: Record<PhaseName, string> = {
  total: 'whole request',
  beforeFirstCall: 'before the first call',
  betweenStages: 'between stages',
  afterLastAnswer: 'after the last answer',
  subgraphs: 'subgraphs (critical path, less the hold)',
};

async function timeline(stack: WorkloadStack, options: TimelineOptions, runDir: string): Promise<string> {
  const proxies = await startRecordingProxies(stack.subgraphUrls, options.delayMs);
  const supergraphFile = path.join(runDir, `${stack.name}-supergraph-timeline.graphql`);
  writeFileSync(supergraphFile, withRoutingUrls(stack.supergraphSdl, proxies.urls));
  const mint = await tokenMinter(devKeyDir(stack.dataDir), { agency: stack.agency });
  const running = new Map<GatewayId, PinnedProcess>();
  const phases = new Map<string, RequestPhases[]>();
  const phasesOf = (id: GatewayId, operation: string) => {
    const key = `${id} ${operation}`;
    if (!phases.has(key)) phases.set(key, []);
    return phases.get(key)!;
  };
  let errors = 0;
  try {
    for (const id of options.gateways) running.set(id, await gatewayKind(id).start({ workload: stack, supergraphFile, cpus: options.gatewayCpus, logDir: runDir, tag: 'timeline' }));
    const rotations = options.warmupRotations + options.rotations;
    for (let rotation = 0; rotation < rotations; rotation += 1) {
      if (rotation === options.warmupRotations) log(`${stack.name}: warmed up; measuring ${options.rotations} rotations of ${stack.requests.length} requests`);
      for (const request of stack.requests) {
        for (const [id, gateway] of running) {
          proxies.take();
          const sentAt = performance.now();
          const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers, authorization: `Bearer ${mint()}` }, body: request.body, signal: AbortSignal.timeout(30_000) });
          const text = await response.text();
          const receivedAt = performance.now();
          const calls = proxies.take();
          if (response.status !== 200 || (JSON.parse(text) as { errors?: unknown[] }).errors?.length) {
            errors += 1;
            continue;
          }
          const measured = rotation >= options.warmupRotations && requestPhases(sentAt, receivedAt, calls, options.delayMs);
          if (measured) phasesOf(id, request.operation).push(measured);
        }
      }
    }
  } finally {
    await Promise.all([...running.values()].map((g) => g.stop()));
    await proxies.close();
  }
  const operations = [...new Set(stack.requests.map((r) => r.operation))];
  const rows = options.gateways.flatMap((id) => {
    const { label } = gatewayKind(id);
    return operations.map((operation) => {
      const all = phasesOf(id, operation);
      if (all.length === 0) return `| ${label} | ${operation} | ${PHASES.map(() => '–').join(' | ')} | 0 |`;
      const median = medianPhases(all);
      return `| ${label} | ${operation} | ${PHASES.map((p) => median[p].toFixed(2)).join(' | ')} | ${all.length} |`;
    });
  });
  if (errors > 0) log(`${stack.name}: ${errors} answers had errors or a status other than 200 and were left out`);
  return [
    `### ${stack.name}`,
    '',
    `| gateway | operation | ${PHASES.map((p) => LABELS[p]).join(' | ')} | requests |`,
    `| --- | --- | ${PHASES.map(() => '---:').join(' | ')} | ---: |`,
    ...rows,
    ...(errors > 0 ? ['', `${errors} answers had errors or a status other than 200 and are not counted.`] : []),
  ].join('\n');
}

async function main(): Promise<void> {
  const options = timelineOptions();
  pinSelf(options.loadCpus);
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'bdg-bench-timeline-'));
  const started = new Date();
  const sections: string[] = [];
  for (const name of options.workloads) {
    log(`${name}: starting the subgraphs`);
    const stack = name === 'standard' ? await startStandardWorkload() : await startProjectWorkload({ seedScale: options.seedScale, log, replayed: name === 'project-replayed' });
    try {
      sections.push(await timeline(stack, options, runDir));
    } finally {
      await stack.stop();
    }
  }
  const section = [
    '## Where one request\'s time goes',
    '',
    `Run ${started.toISOString()} by \`npm run bench:timeline\` (bench/gateways/timeline/): ${machineLine()}. Each subgraph behind a recording proxy that holds every call ${options.delayMs} ms; ` +
      `the gateways pinned to core ${options.gatewayCpus}, all started, take the requests one at a time, interleaved request by request; ` +
      `${options.warmupRotations} rotations of warm-up, then ${options.rotations} measured. Medians in ms. "Before the first call", "between stages" and "after the last answer" are the gateway's own time on the critical path ` +
      '(plus one proxy hop each way); the subgraphs\' time includes the proxy\'s call to them.',
    '',
    sections.join('\n\n'),
  ].join('\n');
  console.log(`\n${section}\n`);
  writeMarkedSection(options.output, 'gateway-timeline', 'npm run bench:timeline', section);
  log(`written to ${options.output}`);
  rmSync(runDir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error(`timeline failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
