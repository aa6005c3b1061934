/** What one run measured, as written to last-run.json and rendered by report.ts. */

export interface RoundResult {
  round: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  mismatches: number;
  /** Over the whole round, including the work on requests still in flight at its end. */
  subgraphRequests: number;
  cpuMs: number;
  /** Per request sent (those in flight at the end included, as their work is). */
  subgraphRequestsPerRequest: number;
  cpuMsPerRequest: number;
  /** Percent busy per core during the round (cpu0, cpu1, …): every process on the machine counts. */
  coreBusy: Record<string, number>;
}

export interface ThroughputSummary {
  gateway: string;
  label: string;
  rounds: RoundResult[];
  /** All requests of all rounds over all their seconds. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  firstError?: string;
  peakRssMiB: number;
  subgraphRequestsPerRequest: number;
  cpuMsPerRequest: number;
  ratioToApollo?: number;
  ratioToBestHiveMergingOff?: number;
  ratioToBestHive?: number;
  /** To the best Hive configuration that never merges personal requests across callers. */
  ratioToBestFairHive?: number;
}

export interface LatencySummary {
  gateway: string;
  label: string;
  /** Median milliseconds per operation. */
  medianMs: Record<string, number>;
  samples: Record<string, number>;
  errors: number;
  firstError?: string;
}

export interface IsolatedPlan {
  gateway: string;
  /** Subgraph calls and sequential stages for one request of each operation (the first of the rotation). */
  calls: Record<string, number>;
  stages: Record<string, number>;
}

export interface Failure {
  gateway: string;
  phase: string;
  error: string;
}

export interface WorkloadResult {
  workload: string;
  /** Some requests select personal fields (then Hive's defaults merge them across callers). */
  personal?: boolean;
  description: string;
  operations: string[];
  throughput: ThroughputSummary[];
  latency: LatencySummary[];
  /** Sequential stages of the shortest recorded plan, per operation. */
  criticalPathStages: Record<string, number>;
  isolated: IsolatedPlan[];
  /** The gateway whose recorded plan the floor replays, per request of the rotation. */
  floorPlanFrom: string[];
  failures: Failure[];
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  minutes: number;
  machine: string;
  settings: Record<string, unknown>;
  full: boolean;
  workloads: WorkloadResult[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}
