import type { ApolloServerPlugin } from '@apollo/server';
import { createHash } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { BoundedLabel, httpMetrics, LATENCY_BUCKETS } from '../../../../subgraphs/kit/telemetry';
import type { BreakerState, SubgraphDataSource, SubgraphFailureCode } from '../../subgraph-calls';

export interface MetricsPluginOptions {
  registry: Registry;
  /** The supergraph SDL served first: its hash is exported as `supergraph_info{version}` (updated when the supergraph changes). */
  supergraphSdl: string;
  /** The data sources, read when metrics are scraped (circuit-breaker states). */
  dataSources: Map<string, SubgraphDataSource>;
  /** Distinct operation names kept as label values; later ones count as "other". Default 100. */
  maxOperationNames?: number;
}

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

export function supergraphVersion(sdl: string): string {
  return createHash('sha256').update(sdl).digest('hex').slice(0, 12);
}

/**
 * Prometheus metrics of the gateway: requests, errors (by code) and latency per operation name
 * (bounded to 100 names), latency and failures per subgraph, circuit-breaker state, supergraph
 * version, and hits of Apollo Server's parsed-document cache. Every label has a bounded set
 * of values: operation names and error codes are capped, subgraph names and failure codes
 * come from the supergraph and a fixed enum.
 */
export function MetricsPlugin(options: MetricsPluginOptions): { plugin: ApolloServerPlugin; onSubgraphCall: (o: { subgraph: string; ms: number; failure?: SubgraphFailureCode }) => void } {
  const { registry } = options;
  const { requests, duration } = httpMetrics(registry);
  const operationNames = new BoundedLabel(options.maxOperationNames ?? 100);
  const errorCodes = new BoundedLabel(50);
  const errors = new Counter({ name: 'graphql_errors_total', help: 'GraphQL errors sent to clients, by operation name and extensions.code', labelNames: ['operation', 'code'], registers: [registry] });
  const documentCache = new Counter({ name: 'graphql_document_cache_total', help: 'Parsed-and-validated document cache lookups of the gateway (result: hit or miss)', labelNames: ['result'], registers: [registry] });
  const subgraphDuration = new Histogram({ name: 'subgraph_request_duration_seconds', help: 'Latency of calls from the gateway to each subgraph', labelNames: ['subgraph'], buckets: LATENCY_BUCKETS, registers: [registry] });
  const subgraphCalls = new Counter({ name: 'subgraph_requests_total', help: 'Calls from the gateway to each subgraph, by outcome (ok or the failure code)', labelNames: ['subgraph', 'outcome'], registers: [registry] });
  const subgraphFailures = new Counter({ name: 'subgraph_request_failures_total', help: 'Failed subgraph calls by subgraph and failure code', labelNames: ['subgraph', 'code'], registers: [registry] });
  new Gauge({
    name: 'subgraph_circuit_state',
    help: 'Circuit breaker state per subgraph: 0 closed, 1 half-open, 2 open',
    labelNames: ['subgraph'],
    registers: [registry],
    collect() {
      for (const [name, source] of options.dataSources) this.set({ subgraph: name }, BREAKER_VALUE[source.state]);
    },
  });
  const supergraphInfo = new Gauge({ name: 'supergraph_info', help: 'The supergraph being served (version = hash of its SDL)', labelNames: ['version'], registers: [registry] });
  const showVersion = (sdl: string) => {
    supergraphInfo.reset();
    supergraphInfo.set({ version: supergraphVersion(sdl) }, 1);
  };
  showVersion(options.supergraphSdl);

  const plugin: ApolloServerPlugin = {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          if (coreSupergraphSdl) showVersion(coreSupergraphSdl);
        },
      };
    },
    async requestDidStart() {
      const started = performance.now();
      // Apollo Server skips parsing when the document comes from its cache.
      let parsed = false;
      return {
        async parsingDidStart() {
          parsed = true;
        },
        async willSendResponse({ operationName, response, errors: requestErrors, document }) {
          const operation = operationNames.value(operationName);
          const body = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const sent = body?.errors ?? [];
          const failed = (requestErrors?.length ?? 0) > 0 || sent.length > 0;
          requests.inc({ operation, outcome: failed ? 'error' : 'ok' });
          duration.observe({ operation }, (performance.now() - started) / 1000);
          for (const error of sent) errors.inc({ operation, code: errorCodes.value(String(error.extensions?.code ?? 'NONE')) });
          if (document) documentCache.inc({ result: parsed ? 'miss' : 'hit' });
        },
      };
    },
  };
  return {
    plugin,
    onSubgraphCall: ({ subgraph, ms, failure }) => {
      subgraphDuration.observe({ subgraph }, ms / 1000);
      subgraphCalls.inc({ subgraph, outcome: failure ?? 'ok' });
      if (failure) subgraphFailures.inc({ subgraph, code: failure });
    },
  };
}
