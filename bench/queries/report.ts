import type { FidelityRow } from './fidelity';

/** The measured figures of one canonical query. */
export interface ScenarioResult {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  target: { p95Ms: number } | { asFastAs: string };
  /** SQL statements per client request, by subgraph. */
  sqlPerRequest: Record<string, number>;
  /** Milliseconds each subgraph spent answering, per client request (summed over its calls). */
  subgraphMsPerRequest: Record<string, number>;
}

function verdict(result: ScenarioResult, all: ScenarioResult[]): string {
  if ('p95Ms' in result.target) return `p95 ≤ ${result.target.p95Ms} ms: ${result.p95 <= result.target.p95Ms ? 'met' : '**missed**'}`;
  const reference = all.find((r) => r.name === (result.target as { asFastAs: string }).asFastAs);
  if (!reference) return 'n/a';
  const ratio = result.p50 / Math.max(reference.p50, 0.001);
  return `as fast as ${reference.name} (p50 ratio ${ratio.toFixed(2)}): ${ratio <= 1.25 ? 'met' : '**missed**'}`;
}

function bySubgraph(perRequest: Record<string, number>, digits: number): string {
  return Object.entries(perRequest)
    .filter(([, n]) => n > 0.005)
    .map(([name, n]) => `${name} ${n.toFixed(digits)}`)
    .join(', ') || '0';
}

export function markdown(results: ScenarioResult[], fidelity: FidelityRow[], run: { kind: string; scale: number; seconds: number; connections: number; date: string; sharing: boolean }): string {
  const rows = results.map((r) => `| ${r.name} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${bySubgraph(r.sqlPerRequest, 1)} | ${bySubgraph(r.subgraphMsPerRequest, 0)} | ${verdict(r, results)} |`);
  return [
    `## Canonical queries at scale ${run.scale} on ${run.kind === 'postgresql' ? 'PostgreSQL' : 'SQLite'}`,
    '',
    `${run.date.slice(0, 16).replace('T', ' ')} UTC, this machine (2 cores, shared with the database), ${run.connections} concurrent clients, ${run.seconds} s per query, through the gateway as shipped (auth, access records and subgraph signing on; sharing of identical public subgraph calls in flight ${run.sharing ? 'on, the default: the two page queries are identical requests, so most of their calls are shared' : 'off (SUBGRAPH_SHARE_IN_FLIGHT=off)'}). Latencies in ms. SQL statements per request by subgraph, read from each subgraph's \`db_sql_statements_total\`; subgraph time from its \`graphql_request_duration_seconds_sum\` (the rest of a request's latency is the gateway and the network).`,
    '',
    '| query | requests | req/s | p50 | p95 | p99 | errors | SQL statements / request | subgraph ms / request | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
    ...rows,
    '',
    `Published figures (DOMAIN.md) through the gateway, province 74 over the whole period: ${fidelity.filter((f) => f.ok).length} of ${fidelity.length} reproduced (rates within 1 point, business counts exact, residents within 1%, district shares within 1 point).`,
    '',
    '| figure | published (scaled) | measured | |',
    '| --- | ---: | ---: | --- |',
    ...fidelity.map((f) => `| ${f.figure} | ${f.published} | ${f.measured} | ${f.ok ? 'ok' : '**off**'} |`),
  ].join('\n');
}
