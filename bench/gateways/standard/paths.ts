import path from 'node:path';
import { projectRoot } from '../../../subgraphs/kit/project-root';

/** The shared description of the standard workload (BENCH_STANDARD_DIR overrides it). */
export function standardWorkloadDir(): string {
  return path.resolve(process.env.BENCH_STANDARD_DIR || path.join(projectRoot(), '..', 'shared', 'bench', 'standard-workload'));
}

export const standardFile = (name: 'supergraph.graphql' | 'query.graphql' | 'expected-response.json') => path.join(standardWorkloadDir(), name);
