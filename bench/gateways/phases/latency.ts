import { GatewayId, gatewayLabel } from '../gateways';
import { runLatency } from '../latency';
import type { FloorPlan } from '../plans/floor';
import { runFloor } from '../plans/floor-run';
import type { PinnedProcess } from '../processes';
import type { LatencySummary } from '../results';
import { median } from '../summarize';
import type { PhaseContext } from './context';
import { eventuallyCheckAnswers } from './requests';

/**
 * Phase 3: the subgraphs restarted on their ports holding every call `delayMs`; each gateway
 * checked again, then one request at a time over one connection, in alternating rounds, the
 * floor (one virtual client) last in each. Median per operation.
 */
export async function measureLatency(ctx: PhaseContext, running: Map<GatewayId, PinnedProcess>, floor: FloorPlan[] | undefined): Promise<LatencySummary[]> {
  const { stack, options } = ctx;
  ctx.log(`${stack.name}: restarting the subgraphs with ${options.delayMs} ms per call`);
  await stack.restartSubgraphs(options.delayMs);
  const samples = new Map<string, { latencies: Record<string, number[]>; errors: number; firstError?: string }>();
  const add = (id: string, latencies: Record<string, number[]>, errors: number, firstError?: string) => {
    const entry = samples.get(id) ?? samples.set(id, { latencies: {}, errors: 0 }).get(id)!;
    for (const [op, values] of Object.entries(latencies)) (entry.latencies[op] ??= []).push(...values);
    entry.errors += errors;
    entry.firstError ??= firstError;
  };
  const ready = new Map<GatewayId, PinnedProcess>();
  for (const [id, gateway] of running) {
    try {
      await eventuallyCheckAnswers(gateway.url, stack, ctx.expected, ctx.mint);
      ready.set(id, gateway);
    } catch (error) {
      ctx.fail(id, 'check before the latency run', error);
    }
  }
  for (let round = 1; round <= options.latencyRounds; round += 1) {
    for (const [id, gateway] of ready) {
      const result = await runLatency({ url: gateway.url, requests: stack.requests, expected: ctx.expected, seconds: options.latencySeconds, mint: ctx.mint });
      add(id, result.latencies, result.errors, result.firstError);
    }
    if (!floor) continue;
    try {
      const result = await runFloor({ plans: floor, connections: 1, seconds: options.latencySeconds, warmupSeconds: 1 }, { cpus: options.gatewayCpus, workDir: ctx.runDir, tag: `${stack.name}-latency-r${round}` });
      add('floor', result.latencies, result.errors + result.mismatches, result.firstMismatch);
    } catch (error) {
      ctx.fail('floor', `latency round ${round}`, error);
    }
  }
  const summaries: LatencySummary[] = [];
  for (const [id, entry] of samples) {
    const medianMs = Object.fromEntries(Object.entries(entry.latencies).map(([op, values]) => [op, median(values)]));
    summaries.push({ gateway: id, label: gatewayLabel(id), medianMs, samples: Object.fromEntries(Object.entries(entry.latencies).map(([op, v]) => [op, v.length])), errors: entry.errors, firstError: entry.firstError });
    ctx.log(`${stack.name} latency ${id}: ${Object.entries(medianMs).map(([op, ms]) => `${op} ${ms.toFixed(1)} ms`).join(', ')}, errors ${entry.errors}`);
  }
  return summaries;
}
