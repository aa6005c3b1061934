import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { devKeyDir } from '../../gateway/src/plugins/auth/dev-keys';
import { gatewayKind, GatewayId } from './gateways';
import type { BenchOptions } from './options';
import type { PhaseContext } from './phases/context';
import { measureLatency } from './phases/latency';
import { recordPlans } from './phases/record';
import { measureThroughput, startGateways } from './phases/throughput';
import { floorPlans, Recording } from './plans/floor-run';
import type { PinnedProcess } from './processes';
import { startProjectWorkload } from './project/workload';
import type { Failure, WorkloadResult } from './results';
import { STANDARD_MAX_COST, startStandardWorkload } from './standard/workload';
import { tokenMinter } from './tokens';
import { hasPersonalRequests, WorkloadName, WorkloadStack } from './workload';

export interface WorkloadRun {
  options: BenchOptions;
  runDir: string;
  log(line: string): void;
}

function describe(stack: WorkloadStack, options: BenchOptions, reference: string): string {
  if (stack.name === 'standard') {
    return (
      'The public benchmark\'s query (../shared/bench/standard-workload/query.graphql) over its four subgraphs, rebuilt in bench/gateways/standard ' +
      '(@apollo/subgraph on plain node:http, one process each, answers memoised: they are not what is measured), composed with every field classified PUBLIC ' +
      '(this project\'s gateway denies unclassified fields; the plans equal those of the shared supergraph); every answer equals expected-response.json. ' +
      `This project's gateway runs with MAX_COST=${STANDARD_MAX_COST}: its cost estimate of the query (unbounded lists, each assumed 20 long) is 341,025, above its default limit of 5,000, which would refuse it; everything else as shipped.`
    );
  }
  const replayed =
    stack.name === 'project-replayed'
      ? ' The subgraphs\' answers are replayed from memory (project/answer-memo.ts: a lean process in front of each real subgraph answers a body it has answered before, errors excepted, and forwards the others), so that, as in the standard workload, the gateways are measured and not the seeded subgraphs, which bound every row of the workload above.'
      : '';
  return (
    `Citizen profile (personal: a DEMO-AGENCY token and x-purpose "demo"), district dashboard and dossier search in rotation (${stack.requests.length} requests with different variables), ` +
    `over this project's five subgraphs (SQLite seeded at scale ${options.seedScale}, signature checks off so the other gateways may call them; this project's gateway still signs and they verify). ` +
    `This project's gateway as shipped (tokens, grants, purpose, an access record per profile, limits, rate limit, signed calls, request logs at info); expected answers: ${reference}, which carry no errors.${replayed}`
  );
}

/** One workload: its subgraphs, then the three phases (record and check, throughput, latency), then everything stopped. */
export async function runWorkload(name: WorkloadName, run: WorkloadRun): Promise<WorkloadResult> {
  const { options, log } = run;
  log(`${name}: starting the subgraphs`);
  const stack = name === 'standard' ? await startStandardWorkload() : await startProjectWorkload({ seedScale: options.seedScale, log, replayed: name === 'project-replayed' });
  const failures: Failure[] = [];
  let running = new Map<GatewayId, PinnedProcess>();
  const personal = hasPersonalRequests(stack);
  const ctx: PhaseContext = {
    stack,
    // Rows that only differ from another where requests are personal run only there.
    options: { ...options, gateways: options.gateways.filter((id) => personal || !gatewayKind(id).personalWorkloadsOnly) },
    runDir: run.runDir,
    mint: await tokenMinter(devKeyDir(stack.dataDir), { agency: stack.agency }),
    expected: stack.requests.map((r) => r.expected),
    log,
    fail: (gateway, phase, error) => {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ gateway, phase, error: message });
      log(`${name}: ${gateway} FAILED (${phase}): ${message.split('\n')[0]}`);
    },
  };
  try {
    const plans = await recordPlans(ctx);
    const operationOf = stack.requests.map((r) => r.operation);
    const recorded = Object.keys(plans.recordings) as GatewayId[];
    const floor = options.floor && recorded.length ? floorPlans(plans.recordings as Record<string, Recording>, operationOf) : undefined;

    const supergraphFile = path.join(run.runDir, `${name}-supergraph.graphql`);
    writeFileSync(supergraphFile, stack.supergraphSdl);
    const started = await startGateways(ctx, recorded, supergraphFile);
    running = started.running;
    const throughput = await measureThroughput(ctx, running, started.lengths, floor?.plans);
    let latency: WorkloadResult['latency'] = [];
    if (options.latency && (running.size || floor)) {
      try {
        latency = await measureLatency(ctx, running, floor?.plans);
      } catch (error) {
        // E.g. a subgraph that does not come back with the delay: the throughput figures stand.
        ctx.fail('latency run', 'subgraphs restarted with the delay', error);
      }
    }
    return {
      workload: name,
      personal,
      description: describe(stack, options, plans.reference),
      operations: [...new Set(operationOf)],
      throughput,
      latency,
      criticalPathStages: plans.criticalPathStages,
      isolated: plans.isolated,
      floorPlanFrom: floor?.chosenFrom ?? [],
      failures,
    };
  } finally {
    for (const gateway of running.values()) await gateway.stop();
    await stack.stop();
  }
}
