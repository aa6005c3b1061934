import type { Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per process, with the process's default metrics. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

export function metricsHandler(registry: Registry) {
  return async (_req: Request, res: Response): Promise<void> => {
    res.set('content-type', registry.contentType);
    res.send(await registry.metrics());
  };
}

/**
 * Keeps a label's values bounded: the first `limit` distinct values are kept, later ones
 * become "other", so clients choosing operation names cannot grow the metric without bound.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(private readonly limit = 100) {}

  value(raw: string | undefined | null): string {
    const value = (raw || 'anonymous').slice(0, 64);
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.limit) return 'other';
    this.seen.add(value);
    return value;
  }
}

export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function httpMetrics(registry: Registry) {
  return {
    requests: new Counter({ name: 'graphql_requests_total', help: 'GraphQL requests by operation name and outcome', labelNames: ['operation', 'outcome'], registers: [registry] }),
    duration: new Histogram({ name: 'graphql_request_duration_seconds', help: 'GraphQL request latency by operation name', labelNames: ['operation'], buckets: LATENCY_BUCKETS, registers: [registry] }),
  };
}

/** SQL statements a service's database ran (monotonic; the N+1 checks and `npm run bench:queries` read it). */
export function sqlStatementMetric(registry: Registry, onStatement: (listener: () => void) => void): void {
  const statements = new Counter({ name: 'db_sql_statements_total', help: 'SQL statements sent to the database', registers: [registry] });
  onStatement(() => statements.inc());
}
