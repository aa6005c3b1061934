import { AdministrativeLevel, allUnits, citizenId, FULL_SCALE, Random, scaled, taxCode } from '../../subgraphs/kit';
import { IDE_EXAMPLES } from '../../gateway/src/ide/examples';

/** One canonical query of the warehouse, with fresh variables per request and its p95 target at full scale. */
export interface Scenario {
  name: string;
  query: string;
  /** Variables of the i-th request. */
  variables(i: number): Record<string, unknown>;
  /** True when it selects personal fields (sent with a token and a purpose). */
  personal: boolean;
  /** The p95 target in ms, or a scenario to be as fast as. */
  target: { p95Ms: number } | { asFastAs: string };
  /** The answer must fill this path (a scenario answering nulls measures nothing). */
  requiredPath: string[];
}

const example = (id: string) => IDE_EXAMPLES.find((e) => e.id === id)!;
const DISTRICTS = allUnits().filter((u) => u.level === AdministrativeLevel.DISTRICT).map((u) => u.id);
const COMMUNES = allUnits().filter((u) => u.level === AdministrativeLevel.COMMUNE).map((u) => u.id);
/** Months of the dossier period 2022-01 … 2024-09. */
const MONTHS = Array.from({ length: 33 }, (_, i) => {
  const year = 2022 + Math.floor(i / 12);
  const month = (i % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${last}` };
});

const PAGE_QUERY = /* GraphQL */ `
  query DossierPage($filter: DossierFilter, $after: String) {
    dossiers(filter: $filter, first: 100, after: $after) {
      totalCount
      edges { node { code channel status submittedAt procedure { code name } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

export function scenarios(scale: number, page500Cursor: string): Scenario[] {
  const random = new Random('bench-queries');
  const citizens = scaled(FULL_SCALE.citizens, scale);
  const businesses = scaled(FULL_SCALE.businesses, scale);
  const pick = <T>(list: readonly T[]) => list[random.int(list.length)];
  return [
    { name: 'citizen profile', query: example('citizen-profile').query, personal: true, variables: () => ({ id: citizenId(random.int(citizens)) }), target: { p95Ms: 50 }, requiredPath: ['citizen', 'fullName'] },
    { name: 'business with dossiers', query: example('business-dossiers').query, personal: true, variables: () => ({ taxCode: taxCode(random.int(businesses)) }), target: { p95Ms: 50 }, requiredPath: ['business', 'name'] },
    {
      name: 'district dashboard',
      query: example('district-dashboard').query,
      personal: false,
      variables: () => {
        const year = 2022 + random.int(3);
        return { id: pick(DISTRICTS), from: `${year}-01-01`, to: `${year}-12-31` };
      },
      target: { p95Ms: 300 },
      requiredPath: ['administrativeUnit', 'dossierStats', 'total'],
    },
    {
      name: '100 dossiers of a commune and month',
      query: PAGE_QUERY,
      personal: false,
      variables: () => {
        const month = pick(MONTHS);
        return { filter: { receivingUnitId: pick(COMMUNES), submittedFrom: month.from, submittedTo: month.to }, after: null };
      },
      target: { p95Ms: 100 },
      requiredPath: ['dossiers', 'totalCount'],
    },
    { name: 'dossiers page 1 (100 per page)', query: PAGE_QUERY, personal: false, variables: () => ({ filter: null, after: null }), target: { p95Ms: 100 }, requiredPath: ['dossiers', 'pageInfo', 'endCursor'] },
    { name: 'dossiers page 500 (100 per page)', query: PAGE_QUERY, personal: false, variables: () => ({ filter: null, after: page500Cursor }), target: { asFastAs: 'dossiers page 1 (100 per page)' }, requiredPath: ['dossiers', 'pageInfo', 'endCursor'] },
  ];
}
