import { FULL_SCALE, RunningSubgraph, scaled, startSubgraph } from '../../kit';
import { GraphQLResponse, postGraphQL } from '../../../test/support/graphql-client';
import { subgraph } from '..';

/** The population subgraph on the run's seeded database, on a free port. */
export async function startPopulation(): Promise<RunningSubgraph> {
  return startSubgraph(subgraph, { config: { port: 0 } });
}

/** Number of citizens the run's seed must have created (global setup sets SEED_SCALE). */
export function seededCitizenCount(): number {
  return scaled(FULL_SCALE.citizens, Number(process.env.SEED_SCALE));
}

/** Posts an operation and fails the test, showing the errors, unless it succeeded. */
export async function queryOk<T = any>(running: RunningSubgraph, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await postGraphQL<T>(running.url, query, variables);
  if (response.errors?.length || !response.data) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

/** The error codes of a response (empty when it succeeded). */
export function errorCodes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((e) => String(e.extensions?.code));
}

export const CITIZEN_FIELDS = 'id cccd fullName birthDate gender ethnicity electronicIdLevel residence { id level } household { id }';

export interface CitizenNode {
  id: string;
  cccd: string;
  fullName: string;
  birthDate: string;
  gender: 'MALE' | 'FEMALE';
  ethnicity: string;
  electronicIdLevel: number;
  residence: { id: string; level: string };
  household: { id: string };
}

/** Pages through `citizens(filter)` with first: 100 until hasNextPage is false; returns every node and the totalCount of each page. */
export async function fetchAllCitizens(running: RunningSubgraph, filter: Record<string, unknown> | null, fields = CITIZEN_FIELDS) {
  const nodes: CitizenNode[] = [];
  const totalCounts: number[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const data: any = await queryOk(
      running,
      `query($filter: CitizenFilter, $after: String) { citizens(filter: $filter, first: 100, after: $after) {
        totalCount edges { cursor node { ${fields} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      { filter, after },
    );
    const page = data.citizens;
    pages += 1;
    nodes.push(...page.edges.map((e: any) => e.node));
    totalCounts.push(page.totalCount);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges).toHaveLength(100);
    expect(page.pageInfo.endCursor).toBe(page.edges[99].cursor);
    after = page.pageInfo.endCursor;
    if (pages > 100_000) throw new Error('paging does not end');
  }
  return { nodes, totalCounts, pages };
}
