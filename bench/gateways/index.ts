import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../subgraphs/kit/project-root';
import { machineLine, pinSelf } from './machine';
import { benchOptions } from './options';
import { coresSuffix, markdown, writeSection } from './report';
import type { BenchResult, WorkloadResult } from './results';
import { runWorkload } from './run-workload';

/**
 * `npm run bench`: this project's gateway beside vanilla @apollo/gateway, Hive Gateway (two
 * planners, merging in-flight requests on and off) and the floor (no gateway), on the standard
 * workload and this project's own; see README.md for what is measured and how. A full run
 * writes the gateway section of BENCHMARKS.md and bench/gateways/last-run.json; a partial one
 * prints its table and writes bench/gateways/last-partial-run.json.
 */
function log(line: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function main(): Promise<void> {
  const options = benchOptions();
  // The load generator and the subgraphs (children inherit the mask) share these cores; each gateway gets its own.
  pinSelf(options.loadCpus);
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'bdg-bench-gateways-'));
  const perWorkload =
    (options.gateways.length + Number(options.floor)) * (options.warmupSeconds + options.rounds * options.roundSeconds) +
    (options.latency ? (options.gateways.length + Number(options.floor)) * options.latencyRounds * options.latencySeconds : 0);
  log(`workloads ${options.workloads.join(', ')}; gateways ${[...options.gateways, ...(options.floor ? ['floor'] : [])].join(', ')}; ` +
    `${options.rounds} × ${options.roundSeconds} s rounds, ${options.connections} connections; about ${Math.ceil((perWorkload * options.workloads.length) / 60 + 2 * options.workloads.length)} min; logs in ${runDir}`);
  const started = new Date();
  const workloads: WorkloadResult[] = [];
  for (const name of options.workloads) {
    try {
      workloads.push(await runWorkload(name, { options, runDir, log }));
    } catch (error) {
      // One workload that cannot run (its subgraphs do not start) leaves the other's figures.
      const message = error instanceof Error ? error.message : String(error);
      log(`${name}: FAILED: ${message.split('\n')[0]}`);
      workloads.push({ workload: name, description: '', operations: [], throughput: [], latency: [], criticalPathStages: {}, isolated: [], floorPlanFrom: [], failures: [{ gateway: 'workload', phase: 'start', error: message }] });
    }
  }

  const result: BenchResult = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    minutes: (Date.now() - started.getTime()) / 60_000,
    machine: machineLine(),
    settings: { ...options, full: undefined },
    full: options.full,
    workloads,
  };
  const root = projectRoot();
  const output = options.output ?? (options.full ? path.join(root, 'BENCHMARKS.md') : undefined);
  // A partial run keeps its JSON apart, so the JSON of the figures in BENCHMARKS.md stays.
  const json = path.join('bench', 'gateways', output ? `last-run${coresSuffix(options.gatewayCpus)}.json` : 'last-partial-run.json');
  writeFileSync(path.join(root, json), JSON.stringify(result, null, 2) + '\n');
  const section = markdown(result);
  console.log(`\n${section}\n`);
  if (output) {
    writeSection(output, section, options.gatewayCpus);
    log(`written to ${output} and ${json}`);
  } else {
    log(`a partial run (fewer gateways or workloads, shorter rounds, other connections or no latency run): written to ${json} only (BENCH_OUTPUT=BENCHMARKS.md writes the section anyway)`);
  }
  const failed = workloads.some((w) => w.failures.length > 0);
  if (failed) log(`some gateways did not run (see "What did not run"); their logs are in ${runDir}`);
  else if (process.env.BENCH_KEEP_LOGS === 'on') log(`logs kept in ${runDir}`);
  else rmSync(runDir, { recursive: true, force: true });
  // Children still running (none, normally) must not keep the process alive.
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
