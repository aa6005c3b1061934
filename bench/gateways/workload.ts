/**
 * What a workload gives the harness: the running subgraphs (and a way to restart them with a
 * delay), the supergraph pointing at them, the client requests in the order they are sent,
 * and how many requests the subgraphs have received.
 */
export type WorkloadName = 'standard' | 'project' | 'project-replayed';

export interface BenchRequest {
  /** Operation name, for the report (latency per operation). */
  operation: string;
  /** The JSON body sent to /graphql. */
  body: string;
  /** Headers besides content-type and the per-request authorization (e.g. x-purpose). */
  headers: Record<string, string>;
  /** The expected response, when the workload knows it (the standard one); else the reference gateway's. */
  expected?: unknown;
  /** Selects personal fields: merging it with another caller's identical request is unfair. */
  personal?: boolean;
}

export interface WorkloadStack {
  name: WorkloadName;
  /** The composed supergraph, routing to this run's subgraphs. */
  supergraphSdl: string;
  /** URL of each subgraph by name. */
  subgraphUrls: Record<string, string>;
  /** Client requests, sent in rotation. */
  requests: BenchRequest[];
  /** The agency the per-request tokens name (its grant covers what the requests select). */
  agency: string;
  /** Environment this project's gateway needs for this workload besides its defaults (documented per workload). */
  projectGatewayEnv: Record<string, string>;
  /** Folder of the data and the development keys this project's gateway trusts. */
  dataDir: string;
  /** The HMAC secret this project's gateway signs subgraph calls with (the subgraphs verify signed calls). */
  signingSecret: string;
  /** GraphQL requests all subgraphs have received so far. */
  subgraphRequests(): Promise<number>;
  /** Restarts every subgraph on its port, holding each call `delayMs` (0: none). */
  restartSubgraphs(delayMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** Some requests select personal fields: then merging them across callers is unfair (Hive's defaults do). */
export function hasPersonalRequests(stack: Pick<WorkloadStack, 'requests'>): boolean {
  return stack.requests.some((r) => r.personal);
}
