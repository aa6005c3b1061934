import { Random } from '../../subgraphs/kit/seed/random';
import { FULL_SCALE, scaled, taxCode } from '../../subgraphs/kit/seed/identities';

/**
 * The soak's mixed traffic: what the IOC dashboard, a business lookup, a dossier list and the
 * indicator catalogue send, over the public fields (no token needed), touching every domain.
 * Each operation lists the paths a complete answer fills: a path that comes back null must be
 * explained by an error at it (or above it), or the request counts as lost.
 */
export interface SoakOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Paths that a complete answer fills (non-null). */
  required: (string | number)[][];
}

const DISTRICTS = ['718', '719', '720', '721', '722', '723', '724', '725', '726'];

const DASHBOARD = /* GraphQL */ `
  query SoakDashboard($id: ID!, $from: Date, $to: Date) {
    administrativeUnit(id: $id) {
      name population
      businessStats { total active eInvoiceRate }
      dossierStats(from: $from, to: $to) { total onlineRate onTimeRate }
      indicators(sector: "DVC") { indicator { code name } latest { period value } }
    }
  }`;

const BUSINESS = /* GraphQL */ `
  query SoakBusiness($taxCode: ID!) {
    business(taxCode: $taxCode) {
      taxCode name status industry { code name section }
      address { name parent { name } }
      dossiers(first: 3) { totalCount edges { node { code status procedure { name } } } }
    }
  }`;

const DOSSIERS = /* GraphQL */ `
  query SoakDossiers($unit: ID!, $from: Date!, $to: Date!) {
    dossiers(filter: { receivingUnitId: $unit, submittedFrom: $from, submittedTo: $to }, first: 20) {
      totalCount
      edges { node { code channel status submittedAt procedure { code name } receivingUnit { name } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const DISTRICT_LIST = /* GraphQL */ `
  query SoakDistricts {
    administrativeUnits(level: DISTRICT) { id name population businessStats { total } dossierStats { total } }
  }`;

const CATALOGUE = /* GraphQL */ `
  query SoakCatalogue {
    sectors { code name indicatorCount }
    industrySections { letter name }
  }`;

export function soakWorkload(seedScale: number): (i: number) => SoakOperation {
  const random = new Random('soak-workload');
  const businesses = scaled(FULL_SCALE.businesses, seedScale);
  return (i) => {
    const district = DISTRICTS[random.int(DISTRICTS.length)];
    switch (i % 5) {
      case 0:
        return {
          name: 'SoakDashboard',
          query: DASHBOARD,
          variables: { id: district, from: '2023-01-01', to: '2023-12-31' },
          required: [['administrativeUnit', 'name'], ['administrativeUnit', 'businessStats'], ['administrativeUnit', 'dossierStats'], ['administrativeUnit', 'indicators']],
        };
      case 1:
        return {
          name: 'SoakBusiness',
          query: BUSINESS,
          variables: { taxCode: taxCode(random.int(businesses)) },
          required: [['business', 'name'], ['business', 'address'], ['business', 'dossiers']],
        };
      case 2: {
        const month = String(1 + random.int(12)).padStart(2, '0');
        return {
          name: 'SoakDossiers',
          query: DOSSIERS,
          variables: { unit: district, from: `2023-${month}-01`, to: `2023-${month}-28` },
          required: [['dossiers', 'totalCount']],
        };
      }
      case 3:
        return {
          name: 'SoakDistricts',
          query: DISTRICT_LIST,
          variables: {},
          required: DISTRICTS.flatMap((_, n) => [['administrativeUnits', n, 'name'], ['administrativeUnits', n, 'businessStats'], ['administrativeUnits', n, 'dossierStats']]),
        };
      default:
        return { name: 'SoakCatalogue', query: CATALOGUE, variables: {}, required: [['sectors'], ['industrySections']] };
    }
  };
}

/** The value at a path, or undefined when something on the way is missing. */
function valueAt(data: unknown, path: (string | number)[]): unknown {
  let value: any = data;
  for (const key of path) {
    if (value == null) return value;
    value = value[key];
  }
  return value;
}

const isPrefix = (prefix: (string | number)[], path: (string | number)[]) => prefix.length <= path.length && prefix.every((k, i) => k === path[i]);

/**
 * How one answer is counted: 'ok' (complete), the error code that explains what is missing,
 * or 'lost' (something missing that no error explains, or no usable answer at all).
 */
export function classify(operation: SoakOperation, status: number, body: any): { kind: string; lost: boolean; detail?: string } {
  if (!body || typeof body !== 'object') return { kind: 'lost', lost: true, detail: `HTTP ${status}, not JSON` };
  const errors: { path?: (string | number)[]; extensions?: { code?: string } }[] = Array.isArray(body.errors) ? body.errors : [];
  const codes = [...new Set(errors.map((e) => e.extensions?.code ?? 'NO_CODE'))].sort();
  if (status !== 200 || body.data == null) {
    return errors.length > 0 && codes.every((c) => c !== 'NO_CODE') ? { kind: `error:${codes.join('+')}`, lost: false } : { kind: 'lost', lost: true, detail: `HTTP ${status} without a coded error` };
  }
  const unexplained = operation.required.filter((path) => {
    if (valueAt(body.data, path) != null) return false;
    // A parent list that is legitimately shorter is not a loss of this path.
    return !errors.some((e) => (e.path ? isPrefix(e.path, path) || isPrefix(path, e.path) : true));
  });
  if (unexplained.length > 0) return { kind: 'lost', lost: true, detail: `null without an error at ${unexplained.map((p) => p.join('.')).join(', ')}` };
  if (errors.length === 0) return { kind: 'ok', lost: false };
  if (codes.includes('NO_CODE')) return { kind: 'lost', lost: true, detail: 'an error without extensions.code' };
  return { kind: `partial:${codes.join('+')}`, lost: false };
}
