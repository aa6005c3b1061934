/**
 * This project's own workload: what its frontends send most (README "Main operations by user
 * group"; the IDE examples in gateway/src/ide/examples.ts): a citizen profile (personal: four
 * subgraphs, needs a grant and a purpose), a district dashboard (public aggregates of four
 * subgraphs) and a dossier search (public; dossiers and their receiving units).
 */
export const CITIZEN_PROFILE = /* GraphQL */ `query CitizenProfile($id: ID!) {
  citizen(id: $id) {
    id cccd fullName birthDate gender
    residence { name parent { name } }
    household { members { fullName } }
    businesses { taxCode name status }
    dossiers(first: 5) { totalCount edges { node { code status submittedAt procedure { name } } } }
  }
}`;

export const DISTRICT_DASHBOARD = /* GraphQL */ `query DistrictDashboard($id: ID!, $from: Date, $to: Date) {
  administrativeUnit(id: $id) {
    id name level population
    businessStats { total active digitalTechnology eInvoiceRate }
    dossierStats(from: $from, to: $to) { total onlineRate onTimeRate electronicResultRate }
    indicators(sector: "DVC") { indicator { code name measure } latest { period value } }
    targets(programme: "39-CTr/TU") { indicator { name } targetValue deadline status }
  }
}`;

export const DOSSIER_SEARCH = /* GraphQL */ `query DossierSearch($filter: DossierFilter, $after: String) {
  dossiers(filter: $filter, first: 20, after: $after) {
    totalCount
    edges { node { code channel status submittedAt procedure { code name } receivingUnit { name parent { name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The districts of Bình Dương (administrative-unit ids). */
export const DISTRICTS = ['718', '719', '720', '721', '722', '723', '724', '725', '726'];

/** The purpose the personal request declares (DEMO-AGENCY's grant in schema/grants.dev.json). */
export const PURPOSE = 'demo';
export const AGENCY = 'DEMO-AGENCY';
