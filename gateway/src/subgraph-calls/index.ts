import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type CircuitBreaker from 'opossum';
import { Agent, request } from 'undici';
import { breakerState, BreakerOptions, BreakerState, createBreaker, DEFAULT_BREAKER_OPTIONS } from './circuit-breaker';
import { failurePaths } from './failure-paths';
import { classifyThrown, clientMessage, SubgraphCallError, SubgraphFailureCode } from './failures';
import { InFlightCalls } from './in-flight';
import { GraphQLBody, readGraphQLBody, SubgraphAnswer } from './response-body';
import { RetryBudget } from './retry-budget';

export { SubgraphFailureCode } from './failures';
export { DEFAULT_BREAKER_OPTIONS } from './circuit-breaker';
export { RetryBudget } from './retry-budget';
export type { BreakerOptions, BreakerState } from './circuit-breaker';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  /** Milliseconds before a call to this subgraph is abandoned. */
  timeoutMs: number;
  /** Shared keep-alive pool; one per gateway. */
  agent: Agent;
  /** Retries of a failed query call (never of a mutation); default 2. */
  maxRetries?: number;
  breaker?: BreakerOptions;
  /** Caps retries at a share of recent calls; default: 20% of the calls of the last 10 s, at least 10. */
  retryBudget?: RetryBudget;
  /** Adds headers to each call sent (signing, tracing); not to a call answered by an identical one in flight. */
  decorateHeaders?: (headers: Record<string, string>, body: string, options: GraphQLDataSourceProcessOptions) => void;
  /** True when a call may be answered by an identical one in flight (its answer cannot depend on the caller); default never. */
  shareable?: (options: GraphQLDataSourceProcessOptions) => boolean;
  /** Told of every call's outcome (metrics). */
  onCallFinished?: (outcome: { subgraph: string; ms: number; failure?: SubgraphFailureCode }) => void;
}

/** What /readyz reports of one subgraph: its circuit and how its last call went. */
export interface SubgraphHealth {
  circuit: BreakerState;
  /** 'ok', the failure code of the last call, or 'none' before the first call. */
  lastCall: 'ok' | 'none' | SubgraphFailureCode;
  /** When the last failed call ended (ISO 8601), if any failed. */
  lastFailureAt?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The gateway's client for one subgraph: undici keep-alive pool (the default client,
 * make-fetch-happen, cost ~14% of gateway CPU), a time limit, retries with backoff for queries
 * only within a retry budget, and a circuit breaker. A failure becomes GraphQL errors at the
 * paths this call would have filled, so the rest of the response is still served.
 */
export class SubgraphDataSource implements GraphQLDataSource {
  private readonly breaker: CircuitBreaker<[string, Record<string, string>, boolean], SubgraphAnswer>;
  private readonly budget: RetryBudget;
  private lastCall: SubgraphHealth['lastCall'] = 'none';
  private lastFailureAt?: Date;
  // A sharer parses the answer's text again: cheaper than structuredClone of the parsed answer.
  private readonly inFlight = new InFlightCalls<SubgraphAnswer>((answer) => ({ text: answer.text, body: JSON.parse(answer.text) as GraphQLBody }));

  constructor(private readonly options: SubgraphDataSourceOptions) {
    this.budget = options.retryBudget ?? new RetryBudget();
    this.breaker = createBreaker(options.name, (body, headers, retryable) => this.sendWithRetries(body, headers, retryable), options.breaker ?? DEFAULT_BREAKER_OPTIONS);
  }

  get name(): string {
    return this.options.name;
  }

  get state(): BreakerState {
    return breakerState(this.breaker);
  }

  /** Calls answered by an identical call in flight instead of their own request. */
  get sharedCalls(): number {
    return this.inFlight.sharedCalls;
  }

  health(): SubgraphHealth {
    return { circuit: this.state, lastCall: this.lastCall, ...(this.lastFailureAt && { lastFailureAt: this.lastFailureAt.toISOString() }) };
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName } = options.request;
    const body = JSON.stringify({ query, variables, operationName });
    const started = performance.now();
    try {
      const fire = () => {
        const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
        this.options.decorateHeaders?.(headers, body, options);
        return this.breaker.fire(body, headers, isRetryable(options));
      };
      const answer = this.options.shareable?.(options) ? await this.inFlight.run(body, fire) : await fire();
      const response = answer.body as GatewayGraphQLResponse;
      this.lastCall = 'ok';
      this.options.onCallFinished?.({ subgraph: this.name, ms: performance.now() - started });
      return response;
    } catch (error) {
      const failure = (error as { code?: string }).code === 'EOPENBREAKER'
        ? new SubgraphCallError(SubgraphFailureCode.SUBGRAPH_CIRCUIT_OPEN, 'circuit open', false)
        : classifyThrown(error);
      this.lastCall = failure.code;
      this.lastFailureAt = new Date();
      this.options.onCallFinished?.({ subgraph: this.name, ms: performance.now() - started, failure: failure.code });
      return { errors: failureErrors(this.name, failure, options) as any };
    }
  }

  private async sendWithRetries(body: string, headers: Record<string, string>, retryable: boolean): Promise<SubgraphAnswer> {
    this.budget.recordCall();
    const maxRetries = retryable ? (this.options.maxRetries ?? 2) : 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.send(body, headers);
      } catch (error) {
        const failure = classifyThrown(error);
        if (!failure.retryable || attempt >= maxRetries || !this.budget.tryTake()) throw failure;
        await sleep(25 * 2 ** attempt + Math.random() * 25);
      }
    }
  }

  private async send(body: string, headers: Record<string, string>): Promise<SubgraphAnswer> {
    const response = await request(this.options.url, {
      method: 'POST',
      body,
      headers,
      dispatcher: this.options.agent,
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    return readGraphQLBody(response);
  }
}

/** Retrying is safe only for the fetches of a query: a mutation's side effects must not repeat. */
function isRetryable(options: GraphQLDataSourceProcessOptions): boolean {
  return 'incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === 'query';
}

/** The errors of a failed call: one per field it would have filled (see failurePaths). */
function failureErrors(subgraph: string, failure: SubgraphCallError, options: GraphQLDataSourceProcessOptions) {
  const extensions = { code: failure.code, subgraph };
  const message = clientMessage(subgraph, failure);
  const paths = failurePaths(options);
  return paths.length > 0 ? paths.map((path) => ({ message, path, extensions })) : [{ message, extensions }];
}

/**
 * Connections per subgraph by default. A call beyond them waits in the gateway's queue, where an
 * identical public call can still share it, instead of crowding a busy subgraph. Same-run A/Bs
 * against 64 (bench/gateways): subgraph-bound project workload +9–16% req/s (more calls shared)
 * and a lower p95, with sharing off too; gateway-bound standard workload with sharing off
 * −5–14%; 8 and 32 did worse overall (subgraph-calls/README.md).
 */
export const DEFAULT_SUBGRAPH_CONNECTIONS = 16;

/**
 * A keep-alive connection pool for all subgraph calls of one gateway: at most `connections` per
 * subgraph origin (host and port), one call at a time on each; further calls queue, and their
 * time limit runs while they wait.
 */
export function createSubgraphAgent(connections = DEFAULT_SUBGRAPH_CONNECTIONS): Agent {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections, pipelining: 1 });
}
