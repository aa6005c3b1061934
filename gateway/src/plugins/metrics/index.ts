import type { ApolloServerPlugin } from '@apollo/server';
import { createHash } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { BoundedLabel, httpMetrics, LATENCY_BUCKETS } from '../../../../subgraphs/kit/telemetry';
import type { BreakerState, SubgraphDataSource, SubgraphFailureCode } from '../../subgraph-calls';

export interface MetricsPluginOptions {
  registry: Registry;
  /** The supergraph SDL being served: its hash is exported as `supergraph_info{version}`. */
  supergraphSdl: string;
  /** The data sources, read when metrics are scraped (circuit-breaker states). */
  dataSources: Map<string, SubgraphDataSource>;
}

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * Prometheus metrics of the gateway: requests, errors and latency per operation name (bounded
 * to 100 names), latency and failures per subgraph, circuit-breaker state, supergraph version.
 */
export function MetricsPlugin(options: MetricsPluginOptions): { plugin: ApolloServerPlugin; onSubgraphCall: (o: { subgraph: string; ms: number; failure?: SubgraphFailureCode }) => void } {
  const { requests, duration } = httpMetrics(options.registry);
  const operationNames = new BoundedLabel(100);
  const subgraphDuration = new Histogram({ name: 'subgraph_request_duration_seconds', help: 'Latency of calls from the gateway to each subgraph', labelNames: ['subgraph'], buckets: LATENCY_BUCKETS, registers: [options.registry] });
  const subgraphFailures = new Counter({ name: 'subgraph_request_failures_total', help: 'Failed subgraph calls by subgraph and failure code', labelNames: ['subgraph', 'code'], registers: [options.registry] });
  new Gauge({
    name: 'subgraph_circuit_state',
    help: 'Circuit breaker state per subgraph: 0 closed, 1 half-open, 2 open',
    labelNames: ['subgraph'],
    registers: [options.registry],
    collect() {
      for (const [name, source] of options.dataSources) this.set({ subgraph: name }, BREAKER_VALUE[source.state]);
    },
  });
  const version = createHash('sha256').update(options.supergraphSdl).digest('hex').slice(0, 12);
  new Gauge({ name: 'supergraph_info', help: 'The supergraph being served (version = hash of its SDL)', labelNames: ['version'], registers: [options.registry] }).set({ version }, 1);

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response, errors }) {
          const operation = operationNames.value(operationName);
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const failed = (errors?.length ?? 0) > 0 || (body?.errors?.length ?? 0) > 0;
          requests.inc({ operation, outcome: failed ? 'error' : 'ok' });
          duration.observe({ operation }, (performance.now() - started) / 1000);
        },
      };
    },
  };
  return {
    plugin,
    onSubgraphCall: ({ subgraph, ms, failure }) => {
      subgraphDuration.observe({ subgraph }, ms / 1000);
      if (failure) subgraphFailures.inc({ subgraph, code: failure });
    },
  };
}
