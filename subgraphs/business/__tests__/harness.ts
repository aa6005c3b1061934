import { RunningSubgraph, startSubgraph, subgraphConfig } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { subgraph } from '..';

/** The seed scale of the shared test data set (set by the jest global setup). */
export function testScale(): number {
  return subgraphConfig('business').seedScale;
}

export async function startBusiness(): Promise<RunningSubgraph> {
  return startSubgraph(subgraph, { config: { port: 0 } });
}

/** POSTs an operation and fails the test with the errors when the response has any. */
export async function queryData<T = any>(running: RunningSubgraph, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await postGraphQL<T>(running.url, query, variables);
  if (response.errors?.length || !response.data) {
    throw new Error(`unexpected errors (HTTP ${response.status}): ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

export interface BusinessNode {
  taxCode: string;
  name: string;
  status: string;
  digitalTechnology: boolean;
  industry: { code: string; section: string };
  address: { id: string } | null;
  legalRepresentative: { id: string } | null;
}

const PAGE_QUERY = `query Page($filter: BusinessFilter, $after: String) {
  businesses(filter: $filter, first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { taxCode name status digitalTechnology industry { code section } address { id } legalRepresentative { id } } }
  }
}`;

/** Pages through `businesses(filter)` with first: 100 to the end; returns the nodes, the pages and the totalCount of each page. */
export async function allBusinesses(running: RunningSubgraph, filter?: Record<string, unknown>) {
  const nodes: BusinessNode[] = [];
  const totalCounts: number[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const data: any = await queryData(running, PAGE_QUERY, { filter, after });
    const connection = data.businesses;
    pages += 1;
    totalCounts.push(connection.totalCount);
    nodes.push(...connection.edges.map((e: { node: BusinessNode }) => e.node));
    expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!connection.pageInfo.hasNextPage) break;
    expect(connection.edges).toHaveLength(100);
    after = connection.pageInfo.endCursor;
    if (pages > 10_000) throw new Error('paging does not end');
  }
  return { nodes, totalCounts, pages };
}
