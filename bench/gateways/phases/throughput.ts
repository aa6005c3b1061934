import { GatewayId, gatewayKind, gatewayLabel } from '../gateways';
import { runLoad } from '../load';
import { coreBusyPercent, coreTimes, cpuTimeMs, peakRssMiB } from '../machine';
import type { FloorPlan } from '../plans/floor';
import { runFloor } from '../plans/floor-run';
import type { PinnedProcess } from '../processes';
import type { RoundResult, ThroughputSummary } from '../results';
import { addRatios, roundResult, throughputSummary } from '../summarize';
import type { PhaseContext } from './context';
import { checkAnswers, settled } from './requests';
import { hasPersonalRequests } from '../workload';

type Raw = RoundResult & { latencies: number[] };

/** Phase 2a: the gateways started on the real subgraphs (each pinned), checked again; those that fail are reported and left out. */
export async function startGateways(ctx: PhaseContext, ids: GatewayId[], supergraphFile: string): Promise<{ running: Map<GatewayId, PinnedProcess>; lengths: Map<GatewayId, number[]> }> {
  const running = new Map<GatewayId, PinnedProcess>();
  const lengths = new Map<GatewayId, number[]>();
  for (const id of ids) {
    let gateway: PinnedProcess | undefined;
    try {
      gateway = await gatewayKind(id).start({ workload: ctx.stack, supergraphFile, cpus: ctx.options.gatewayCpus, logDir: ctx.runDir, tag: 'load' });
      lengths.set(id, await checkAnswers(gateway.url, ctx.stack, ctx.expected, ctx.mint));
      running.set(id, gateway);
    } catch (error) {
      ctx.fail(id, 'start and check before timing', error);
      await gateway?.stop();
    }
  }
  return { running, lengths };
}

/**
 * Phase 2b: each gateway warmed up, then all timed in alternating rounds (A B C … A B C …), the
 * floor last in each; per round the answers, the subgraph calls (until they stop growing after
 * the round: requests still in flight are worked on), the gateway's CPU time and the cores' load.
 */
export async function measureThroughput(ctx: PhaseContext, running: Map<GatewayId, PinnedProcess>, lengths: Map<GatewayId, number[]>, floor: FloorPlan[] | undefined): Promise<ThroughputSummary[]> {
  const { stack, options } = ctx;
  const load = (id: GatewayId, gateway: PinnedProcess, seconds: number) =>
    runLoad({ url: gateway.url, requests: stack.requests, expected: ctx.expected.map((answer, i) => ({ answer, length: lengths.get(id)![i] })), connections: options.connections, seconds, mint: ctx.mint, checkEvery: options.checkEvery });
  if (options.warmupSeconds > 0) {
    for (const [id, gateway] of running) {
      ctx.log(`${stack.name}: warming up ${id} (${options.warmupSeconds} s)`);
      await load(id, gateway, options.warmupSeconds);
    }
  }
  const rounds = new Map<string, Raw[]>();
  const firstErrors = new Map<string, string>();
  const peakRss = new Map<string, number>();
  const keep = (id: string, raw: Raw, peak: number, firstError?: string) => {
    (rounds.get(id) ?? rounds.set(id, []).get(id)!).push(raw);
    peakRss.set(id, Math.max(peakRss.get(id) ?? 0, peak));
    if (firstError && !firstErrors.has(id)) firstErrors.set(id, firstError);
    ctx.log(
      `${stack.name} round ${raw.round}/${options.rounds} ${id}: ${raw.rps.toFixed(0)} req/s, p95 ${raw.p95.toFixed(0)} ms, errors ${raw.errors}, ` +
        `${raw.subgraphRequestsPerRequest.toFixed(1)} subgraph req/req, ${raw.cpuMsPerRequest.toFixed(2)} CPU ms/req, cores ${JSON.stringify(raw.coreBusy)}`,
    );
  };
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const [id, gateway] of [...running]) {
      const cpuBefore = cpuTimeMs(gateway.pid);
      const subgraphBefore = await stack.subgraphRequests();
      const coresBefore = coreTimes();
      const result = await load(id, gateway, options.roundSeconds);
      const coreBusy = coreBusyPercent(coresBefore, coreTimes());
      const subgraphCalls = (await settled(() => stack.subgraphRequests())) - subgraphBefore;
      if (!gateway.alive()) {
        ctx.fail(id, `round ${round}`, new Error(`the gateway process exited during the round; see ${gateway.logFile}`));
        running.delete(id);
        continue;
      }
      const cpuMs = cpuTimeMs(gateway.pid) - cpuBefore;
      const raw = roundResult(round, {
        requests: result.requests,
        seconds: result.seconds,
        latencies: result.latencies,
        errors: result.transportErrors + result.non2xx + result.mismatches,
        mismatches: result.mismatches,
        subgraphRequests: subgraphCalls,
        cpuMs,
        subgraphRequestsPerRequest: subgraphCalls / Math.max(1, result.sent),
        cpuMsPerRequest: cpuMs / Math.max(1, result.sent),
        coreBusy,
      });
      keep(id, raw, peakRssMiB(gateway.pid), result.firstMismatch);
    }
    if (!floor) continue;
    try {
      const coresBefore = coreTimes();
      const result = await runFloor({ plans: floor, connections: options.connections, seconds: options.roundSeconds, warmupSeconds: Math.min(2, options.warmupSeconds) }, { cpus: options.gatewayCpus, workDir: ctx.runDir, tag: `${stack.name}-r${round}` });
      const raw = roundResult(round, {
        requests: result.requests,
        seconds: result.seconds,
        latencies: Object.values(result.latencies).flat(),
        errors: result.errors + result.mismatches,
        mismatches: result.mismatches,
        subgraphRequests: result.subgraphCalls,
        cpuMs: result.cpuMs,
        // The floor waits for its last plans, so its whole-round counts are exact.
        subgraphRequestsPerRequest: result.subgraphCalls / Math.max(1, result.requests),
        cpuMsPerRequest: result.cpuMs / Math.max(1, result.requests),
        coreBusy: coreBusyPercent(coresBefore, coreTimes()),
      });
      keep('floor', raw, result.peakRssMiB, result.firstMismatch);
    } catch (error) {
      ctx.fail('floor', `round ${round}`, error);
    }
  }
  const summaries = [...rounds].map(([id, raws]) => throughputSummary(id, gatewayLabel(id), raws, peakRss.get(id) ?? NaN, firstErrors.get(id)));
  addRatios(summaries, { personal: hasPersonalRequests(ctx.stack) });
  return summaries;
}
