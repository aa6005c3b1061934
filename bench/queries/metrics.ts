import type { ServiceProcess } from '../../test/support/processes';

/** Counters of one subgraph read from its /metrics: SQL statements and time spent answering GraphQL. */
export interface SubgraphCounters {
  sqlStatements: number;
  graphqlSeconds: number;
}

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** Each subgraph's `db_sql_statements_total` and `graphql_request_duration_seconds_sum`. */
export async function countersOf(subgraphs: ServiceProcess[]): Promise<Record<string, SubgraphCounters>> {
  const entries = await Promise.all(
    subgraphs.map(async (s) => {
      const text = await (await fetch(new URL('/metrics', s.url))).text();
      return [s.name, { sqlStatements: metric(text, 'db_sql_statements_total'), graphqlSeconds: metric(text, 'graphql_request_duration_seconds_sum') }] as const;
    }),
  );
  return Object.fromEntries(entries);
}
