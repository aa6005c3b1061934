import './isolate-metadata';
import { FULL_SCALE, RunningSubgraph, scaled, startSubgraph } from '../../kit';
import { GraphQLResponse, postGraphQL } from '../../../test/support/graphql-client';
import { subgraph } from '..';

/**
 * The dossiers subgraph on the run's seeded database, on a free port. These tests call the
 * subgraph directly, the way the gateway does, so they switch off the gateway-signature check
 * (the kit's own tests cover signing).
 */
export function startDossiers(): Promise<RunningSubgraph> {
  return startSubgraph(subgraph, { config: { port: 0, signatureChecks: false } });
}

/** Number of dossiers the run's seed must have created (global setup sets SEED_SCALE). */
export function seededDossierCount(): number {
  return scaled(FULL_SCALE.dossiers, Number(process.env.SEED_SCALE));
}

/** Posts an operation and fails the test, showing the errors, unless it succeeded. */
export async function queryOk<T = any>(running: RunningSubgraph, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await postGraphQL<T>(running.url, query, variables);
  if (response.errors?.length || !response.data) throw new Error(`unexpected errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export function errorCodes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((e) => String(e.extensions?.code));
}

export const STATS_FIELDS =
  'total submittedOnline onlineRate completed completedOnTime onTimeRate withElectronicResult electronicResultRate digitized digitizationRate syncedToNationalPortal syncedRate paying paidOnline onlinePaymentRate';

/** The count fields of DossierStats (what SUBTREE = OWN + Σ children's SUBTREE holds for). */
export const COUNT_FIELDS = ['total', 'submittedOnline', 'completed', 'completedOnTime', 'withElectronicResult', 'digitized', 'syncedToNationalPortal', 'paying', 'paidOnline'] as const;

export interface DossierNode {
  code: string;
  submittedAt: string;
  status: string;
  channel: string;
  receivingUnit: { id: string };
  procedure: { code: string; level: string };
  applicant: { __typename: 'Citizen'; id: string } | { __typename: 'Business'; taxCode: string };
}

const NODE_FIELDS = 'code submittedAt status channel receivingUnit { id } procedure { code level } applicant { __typename ... on Citizen { id } ... on Business { taxCode } }';

/** Pages through `dossiers(filter)` to the end with `first`; checks page links on the way. */
export async function fetchAllDossiers(running: RunningSubgraph, filter: Record<string, unknown> | null, first = 100) {
  const nodes: DossierNode[] = [];
  const totalCounts: number[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const data: any = await queryOk(
      running,
      `query($filter: DossierFilter, $first: Int, $after: String) { dossiers(filter: $filter, first: $first, after: $after) {
        totalCount edges { cursor node { ${NODE_FIELDS} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      { filter, first, after },
    );
    const page = data.dossiers;
    nodes.push(...page.edges.map((e: any) => e.node));
    totalCounts.push(page.totalCount);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges).toHaveLength(first);
    expect(page.pageInfo.endCursor).toBe(page.edges[first - 1].cursor);
    after = page.pageInfo.endCursor;
    if (pages > 10_000) throw new Error('paging does not end');
  }
  return { nodes, totalCounts };
}

/** The Vietnamese calendar day of a DateTime the API printed (always with +07:00). */
export function vnDay(dateTime: string): string {
  expect(dateTime).toMatch(/\+07:00$/);
  return dateTime.slice(0, 10);
}
