import { GATEWAYS, GatewayId, gatewayKind } from './gateways';
import type { WorkloadName } from './workload';

/**
 * `npm run bench` settings, all from the environment (README.md lists them). A run with the
 * defaults is a full run and rewrites the gateway section of BENCHMARKS.md; a narrower one
 * (fewer gateways or workloads, shorter rounds) prints its table and writes only the JSON,
 * unless BENCH_OUTPUT names a file.
 */
export interface BenchOptions {
  workloads: WorkloadName[];
  gateways: GatewayId[];
  /** Measure the floor (no gateway) too. */
  floor: boolean;
  roundSeconds: number;
  rounds: number;
  warmupSeconds: number;
  connections: number;
  /** Every n-th answer is compared in full (others by length). */
  checkEvery: number;
  latency: boolean;
  latencySeconds: number;
  latencyRounds: number;
  delayMs: number;
  seedScale: number;
  gatewayCpus: string;
  loadCpus: string;
  /** Where the Markdown section goes; undefined: BENCHMARKS.md for a full run, nowhere otherwise. */
  output?: string;
  full: boolean;
}

export type Env = Record<string, string | undefined>;

export function number(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number of at least ${min}, got "${raw}"`);
  return value;
}

export function list(env: Env, name: string, all: readonly string[]): string[] {
  const raw = env[name];
  if (!raw || raw === 'all') return [...all];
  const values = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = values.filter((v) => !all.includes(v));
  if (unknown.length) throw new Error(`${name}: unknown ${unknown.join(', ')}; choose from ${all.join(', ')} (comma-separated) or all`);
  return values;
}

/** Settings every gateway benchmark shares (npm run bench, npm run bench:timeline): the subgraphs' delay, the data, the cores. */
export function setupOptions(env: Env): Pick<BenchOptions, 'delayMs' | 'seedScale' | 'gatewayCpus' | 'loadCpus'> {
  return {
    delayMs: number(env, 'BENCH_DELAY_MS', 4, 0),
    seedScale: number(env, 'BENCH_SEED_SCALE', 0.01, 0.0001),
    gatewayCpus: env.BENCH_GATEWAY_CPUS || '1',
    loadCpus: env.BENCH_LOAD_CPUS || '0',
  };
}

export function benchOptions(env: Env = process.env): BenchOptions {
  const workloads = list(env, 'BENCH_WORKLOADS', ['standard', 'project', 'project-replayed']) as WorkloadName[];
  const selected = list(env, 'BENCH_GATEWAYS', [...GATEWAYS.map((g) => g.id), 'floor']);
  const gateways = selected.filter((id) => id !== 'floor').map((id) => gatewayKind(id).id);
  const options: BenchOptions = {
    workloads,
    gateways,
    floor: selected.includes('floor'),
    roundSeconds: number(env, 'BENCH_ROUND_SECONDS', 20, 1),
    rounds: number(env, 'BENCH_ROUNDS', 2, 1),
    warmupSeconds: number(env, 'BENCH_WARMUP_SECONDS', 5, 0),
    connections: number(env, 'BENCH_CONNECTIONS', 50, 1),
    checkEvery: number(env, 'BENCH_CHECK_EVERY', 20, 1),
    latency: (env.BENCH_LATENCY ?? 'on') !== 'off',
    latencySeconds: number(env, 'BENCH_LATENCY_SECONDS', 10, 1),
    latencyRounds: number(env, 'BENCH_LATENCY_ROUNDS', 2, 1),
    ...setupOptions(env),
    output: env.BENCH_OUTPUT || undefined,
    full: false,
  };
  options.full =
    options.workloads.length === 3 && options.gateways.length === GATEWAYS.length && options.floor && options.roundSeconds >= 20 && options.connections === 50 && options.latency;
  return options;
}
