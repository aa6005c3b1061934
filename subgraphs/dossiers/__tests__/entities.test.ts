import './isolate-metadata';
import { RunningSubgraph } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { DossierNode, errorCodes, fetchAllDossiers, queryOk, startDossiers } from './support';

let running: RunningSubgraph;
/** Dossier codes per applicant key ("Citizen:<id>" / "Business:<taxCode>"), in code order, from a full read of Query.dossiers. */
const byApplicant = new Map<string, string[]>();

function applicantKey(d: DossierNode): string {
  return d.applicant.__typename === 'Citizen' ? `Citizen:${d.applicant.id}` : `Business:${d.applicant.taxCode}`;
}

/** Applicants of one type, those with the most dossiers first (ties by id), so pages are not trivial. */
function applicants(type: 'Citizen' | 'Business', count: number): string[] {
  return [...byApplicant.entries()]
    .filter(([key]) => key.startsWith(`${type}:`))
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([key]) => key.slice(type.length + 1));
}

beforeAll(async () => {
  running = await startDossiers();
  for (const d of (await fetchAllDossiers(running, null)).nodes) {
    const key = applicantKey(d);
    byApplicant.set(key, [...(byApplicant.get(key) ?? []), d.code]);
  }
});

afterAll(() => running.stop());

const CITIZEN_DOSSIERS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { id
  dossiers(first: 5) { totalCount edges { node { code procedure { name } } } pageInfo { hasNextPage } } } } }`;

describe('_entities: Citizen.dossiers', () => {
  it('gives each citizen their first five dossiers by code and the total', async () => {
    const ids = applicants('Citizen', 10);
    expect(byApplicant.get(`Citizen:${ids[0]}`)!.length).toBeGreaterThan(5);
    const data = await queryOk(running, CITIZEN_DOSSIERS, { r: ids.map((id) => ({ __typename: 'Citizen', id })) });
    expect(data._entities.map((e: any) => e.id)).toEqual(ids);
    for (const entity of data._entities) {
      const expected = byApplicant.get(`Citizen:${entity.id}`)!;
      expect(entity.dossiers.totalCount).toBe(expected.length);
      expect(entity.dossiers.edges.map((e: any) => e.node.code)).toEqual(expected.slice(0, 5));
      expect(entity.dossiers.pageInfo.hasNextPage).toBe(expected.length > 5);
      for (const edge of entity.dossiers.edges) expect(edge.node.procedure.name.length).toBeGreaterThan(5);
    }
  });

  it('pages a citizen\'s dossiers with after and filters them by status', async () => {
    const [id] = applicants('Citizen', 1);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await queryOk(running, `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Citizen { dossiers(first: 2, after: $after) { edges { node { code } } pageInfo { hasNextPage endCursor } } } } }`, {
        r: [{ __typename: 'Citizen', id }],
        after,
      });
      const page = data._entities[0].dossiers;
      seen.push(...page.edges.map((e: any) => e.node.code));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(byApplicant.get(`Citizen:${id}`));
    const completed = await queryOk(running, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { dossiers(status: COMPLETED, first: 100) { totalCount edges { node { status } } } } } }', {
      r: [{ __typename: 'Citizen', id }],
    });
    const page = completed._entities[0].dossiers;
    expect(page.edges).toHaveLength(page.totalCount);
    for (const edge of page.edges) expect(edge.node.status).toBe('COMPLETED');
  });

  it('gives a citizen without dossiers an empty connection', async () => {
    const data = await queryOk(running, CITIZEN_DOSSIERS, { r: [{ __typename: 'Citizen', id: 'CNOBODY0' }] });
    expect(data._entities[0].dossiers).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
  });

  it('rejects first: 101 with BAD_USER_INPUT', async () => {
    const [id] = applicants('Citizen', 1);
    const res = await postGraphQL(running.url, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { dossiers(first: 101) { totalCount } } } }', {
      r: [{ __typename: 'Citizen', id }],
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('runs the same number of SQL statements for 10 and for 50 citizens', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { dossiers(first: 5) { edges { node { procedure { name } } } } } } }';
    const counts: number[] = [];
    for (const size of [10, 50]) {
      const ids = applicants('Citizen', size);
      expect(ids).toHaveLength(size);
      running.database.resetSqlStatements();
      const data = await queryOk(running, query, { r: ids.map((id) => ({ __typename: 'Citizen', id })) });
      counts.push(running.database.sqlStatements());
      const edges = data._entities.reduce((sum: number, e: any) => sum + e.dossiers.edges.length, 0);
      expect(edges).toBe(ids.reduce((sum, id) => sum + Math.min(5, byApplicant.get(`Citizen:${id}`)!.length), 0));
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(3); // page, totalCount, procedures
  });
});

describe('_entities: Business.dossiers', () => {
  it('gives each enterprise its dossiers by code and the total', async () => {
    const taxCodes = applicants('Business', 10);
    expect(taxCodes.length).toBeGreaterThan(1);
    const data = await queryOk(
      running,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Business { taxCode dossiers(first: 3) { totalCount edges { node { code applicant { __typename ... on Business { taxCode } } } } } } } }',
      { r: taxCodes.map((taxCode) => ({ __typename: 'Business', taxCode })) },
    );
    for (const entity of data._entities) {
      const expected = byApplicant.get(`Business:${entity.taxCode}`)!;
      expect(entity.dossiers.totalCount).toBe(expected.length);
      expect(entity.dossiers.edges.map((e: any) => e.node.code)).toEqual(expected.slice(0, 3));
      for (const edge of entity.dossiers.edges) expect(edge.node.applicant).toEqual({ __typename: 'Business', taxCode: entity.taxCode });
    }
  });
});

describe('_entities: Dossier, Procedure and the Applicant union', () => {
  it('resolves dossiers and procedures by key, with the applicant as a Citizen or Business stub', async () => {
    const citizen = [...byApplicant.entries()].find(([key]) => key.startsWith('Citizen:'))!;
    const business = [...byApplicant.entries()].find(([key]) => key.startsWith('Business:'))!;
    const data = await queryOk(
      running,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Dossier { code procedure { code } applicant { __typename ... on Citizen { id } ... on Business { taxCode } } }
        ... on Procedure { code name } } }`,
      { r: [{ __typename: 'Dossier', code: citizen[1][0] }, { __typename: 'Dossier', code: business[1][0] }, { __typename: 'Dossier', code: '000.00.21.H09-231204-9999' }] },
    );
    const [c, b, missing] = data._entities;
    expect(c.applicant).toEqual({ __typename: 'Citizen', id: citizen[0].slice('Citizen:'.length) });
    expect(b.applicant).toEqual({ __typename: 'Business', taxCode: business[0].slice('Business:'.length) });
    expect(missing).toBeNull();
    const procedures = await queryOk(running, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Procedure { code name } } }', {
      r: [{ __typename: 'Procedure', code: c.procedure.code }],
    });
    expect(procedures._entities[0].code).toBe(c.procedure.code);
  });
});
