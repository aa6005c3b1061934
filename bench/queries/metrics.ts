import type { ServiceProcess } from '../../test/support/processes';

/** Each subgraph's `db_sql_statements_total`, read from its /metrics. */
export async function sqlStatementsOf(subgraphs: ServiceProcess[]): Promise<Record<string, number>> {
  const entries = await Promise.all(
    subgraphs.map(async (s) => {
      const text = await (await fetch(new URL('/metrics', s.url))).text();
      const line = text.split('\n').find((l) => l.startsWith('db_sql_statements_total'));
      return [s.name, line ? Number(line.split(' ').pop()) : 0] as const;
    }),
  );
  return Object.fromEntries(entries);
}
