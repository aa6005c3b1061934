/**
 * The ready example operations of the IDE (gateway/src/ide/app.tsx). Pure data: bundled into the
 * browser and validated against the supergraph's API schema by __tests__/examples.test.ts.
 * The ids are the seed's first identities (citizenId(0), taxCode(0) of subgraphs/kit/seed/identities.ts),
 * present at every seed scale.
 */
export interface IdeExample {
  /** Short id, also the `data-example` attribute of its button. */
  id: string;
  title: string;
  /** One line on what it shows and whether it needs a token. */
  description: string;
  /** True when it selects personal fields: a token and `x-purpose` are needed. */
  personal: boolean;
  query: string;
  variables: Record<string, unknown>;
}

export const EXAMPLE_CITIZEN_ID = 'C00JUTSI';
export const EXAMPLE_TAX_CODE = '3701000003';

export const IDE_EXAMPLES: readonly IdeExample[] = [
  {
    id: 'citizen-profile',
    title: 'Citizen profile',
    description: 'Population + business + dossiers about one person. Personal: needs a token with a grant and x-purpose.',
    personal: true,
    query: `# A citizen's profile (hồ sơ công dân): population, business and dossiers in one request.
# Personal data: set the token and the purpose in the Headers tab (or in the form on the left).
query CitizenProfile($id: ID!) {
  citizen(id: $id) {
    id
    cccd
    fullName
    birthDate
    gender
    residence { name parent { name } }
    household { members { fullName } }
    businesses { taxCode name status }
    dossiers(first: 5) {
      totalCount
      edges { node { code status submittedAt procedure { name } } }
    }
  }
}
`,
    variables: { id: EXAMPLE_CITIZEN_ID },
  },
  {
    id: 'business-dossiers',
    title: 'Business with dossiers',
    description: 'A business by tax code, its legal representative (personal) and its dossiers.',
    personal: false,
    query: `# A business (doanh nghiệp) by its tax code, with its dossiers.
# legalRepresentative.fullName is personal: null with FORBIDDEN without a token and purpose.
query BusinessWithDossiers($taxCode: ID!) {
  business(taxCode: $taxCode) {
    taxCode
    name
    legalForm
    status
    industry { code name section }
    address { name }
    legalRepresentative { fullName }
    dossiers(first: 10) {
      totalCount
      edges { node { code status procedure { name } } }
    }
  }
}
`,
    variables: { taxCode: EXAMPLE_TAX_CODE },
  },
  {
    id: 'district-dashboard',
    title: 'District dashboard',
    description: 'Aggregates of four subgraphs about Bến Cát (721) in 2023. Public.',
    personal: false,
    query: `# The IOC's district dashboard: population, businesses, dossiers, indicators and targets of one unit.
query DistrictDashboard($id: ID!, $from: Date, $to: Date) {
  administrativeUnit(id: $id) {
    id
    name
    level
    population
    businessStats { total active digitalTechnology eInvoiceRate }
    dossierStats(from: $from, to: $to) { total onlineRate onTimeRate electronicResultRate }
    indicators(sector: "DVC") { indicator { code name measure } latest { period value } }
    targets(programme: "39-CTr/TU") { indicator { name } targetValue deadline status }
  }
}
`,
    variables: { id: '721', from: '2023-01-01', to: '2023-12-31' },
  },
  {
    id: 'indicator-series',
    title: 'Indicator series',
    description: 'A public-service indicator (sector DVC) by quarter: one unit, then two side by side. Public.',
    personal: false,
    query: `# An indicator's time series (chuỗi số liệu) at a granularity, for one unit and compared across units.
query IndicatorSeries($code: ID!, $from: Date, $to: Date) {
  indicator(code: $code) {
    code
    name
    measure
    aggregation
    seriesAt(unitId: "74", granularity: QUARTER, from: $from, to: $to) { period value }
    compare(unitIds: ["721", "724"], granularity: QUARTER, from: $from, to: $to) {
      unit { name }
      observations { period value source }
    }
  }
}
`,
    variables: { code: 'DVC-003', from: '2023-01-01', to: '2023-12-31' },
  },
  {
    id: 'dossier-search',
    title: 'Dossier search',
    description: 'Dossiers received in Dĩ An (724) in June 2023, paged with first/after. Public.',
    personal: false,
    query: `# Dossier search (tra cứu hồ sơ): filter, then page with endCursor as $after until hasNextPage is false.
query DossierSearch($filter: DossierFilter, $after: String) {
  dossiers(filter: $filter, first: 20, after: $after) {
    totalCount
    edges { node { code channel status submittedAt procedure { code name } } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
    variables: { filter: { receivingUnitId: '724', submittedFrom: '2023-06-01', submittedTo: '2023-06-30' }, after: null },
  },
];
