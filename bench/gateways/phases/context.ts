import type { BenchOptions } from '../options';
import type { TokenMinter } from '../tokens';
import type { WorkloadStack } from '../workload';

/** What the phases of one workload share. */
export interface PhaseContext {
  stack: WorkloadStack;
  options: BenchOptions;
  /** Folder of this run's logs, supergraph files and floor plans. */
  runDir: string;
  mint: TokenMinter;
  /** The expected answer of each request, in rotation order (the first phase fills the project workload's). */
  expected: unknown[];
  log(line: string): void;
  /** Reports a gateway (or the floor) that could not take part in a phase; the run goes on without it. */
  fail(gateway: string, phase: string, error: unknown): void;
}
