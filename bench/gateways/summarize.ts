import { GATEWAYS } from './gateways';
import { median, percentile, RoundResult, ThroughputSummary } from './results';

/** Figures of one round from its raw measurements. */
export function roundResult(
  round: number,
  raw: { requests: number; seconds: number; latencies: number[]; errors: number; mismatches: number; subgraphRequests: number; cpuMs: number; subgraphRequestsPerRequest?: number; cpuMsPerRequest?: number; coreBusy: Record<string, number> },
): RoundResult & { latencies: number[] } {
  const sorted = [...raw.latencies].sort((a, b) => a - b);
  return {
    round,
    requests: raw.requests,
    seconds: raw.seconds,
    rps: raw.seconds > 0 ? raw.requests / raw.seconds : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: raw.errors,
    mismatches: raw.mismatches,
    subgraphRequests: raw.subgraphRequests,
    cpuMs: raw.cpuMs,
    subgraphRequestsPerRequest: raw.subgraphRequestsPerRequest ?? NaN,
    cpuMsPerRequest: raw.cpuMsPerRequest ?? NaN,
    coreBusy: raw.coreBusy,
    latencies: sorted,
  };
}

/** One gateway's figures over all its rounds. */
export function throughputSummary(gateway: string, label: string, rounds: (RoundResult & { latencies: number[] })[], peakRssMiB: number, firstError?: string): ThroughputSummary {
  const requests = rounds.reduce((s, r) => s + r.requests, 0);
  const seconds = rounds.reduce((s, r) => s + r.seconds, 0);
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    gateway,
    label,
    rounds: rounds.map(({ latencies: _latencies, ...r }) => r),
    rps: seconds > 0 ? requests / seconds : 0,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    errors: rounds.reduce((s, r) => s + r.errors, 0),
    firstError,
    peakRssMiB,
    // Rounds weigh by their requests.
    subgraphRequestsPerRequest: weighted(rounds, (r) => r.subgraphRequestsPerRequest),
    cpuMsPerRequest: weighted(rounds, (r) => r.cpuMsPerRequest),
  };
}

function weighted(rounds: RoundResult[], value: (r: RoundResult) => number): number {
  const valid = rounds.filter((r) => Number.isFinite(value(r)) && r.requests > 0);
  const requests = valid.reduce((s, r) => s + r.requests, 0);
  return requests > 0 ? valid.reduce((s, r) => s + value(r) * r.requests, 0) / requests : NaN;
}

/**
 * Ratios of req/s to vanilla @apollo/gateway, to the best Hive configuration with merging off,
 * to the best Hive configuration, and to the best that merges fairly: on a workload with
 * personal requests, not one that merges those across callers (Hive's defaults).
 */
export function addRatios(summaries: ThroughputSummary[], workload: { personal: boolean }): void {
  const rps = (id: string) => summaries.find((s) => s.gateway === id)?.rps;
  const best = (ids: string[]) => Math.max(...ids.map((id) => rps(id) ?? NaN).filter(Number.isFinite));
  const apollo = rps('apollo');
  const hiveOff = best(['hive-nodedupe', 'hive-router-nodedupe']);
  const hives = GATEWAYS.filter((g) => g.id.startsWith('hive'));
  const hiveAny = best(hives.filter((g) => !g.personalWorkloadsOnly).map((g) => g.id));
  const hiveFair = best(hives.filter((g) => !(workload.personal && g.mergesPersonal)).map((g) => g.id));
  for (const s of summaries) {
    if (apollo) s.ratioToApollo = s.rps / apollo;
    if (Number.isFinite(hiveOff) && hiveOff > 0) s.ratioToBestHiveMergingOff = s.rps / hiveOff;
    if (Number.isFinite(hiveAny) && hiveAny > 0) s.ratioToBestHive = s.rps / hiveAny;
    if (Number.isFinite(hiveFair) && hiveFair > 0) s.ratioToBestFairHive = s.rps / hiveFair;
  }
}

export { median };
