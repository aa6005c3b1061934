import './isolate-metadata';
import { AdministrativeLevel, allUnits, childrenOf, RunningSubgraph, unitsAtLevel } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { errorCodes, fetchAllDossiers, queryOk, startDossiers, vnDay } from './support';

let running: RunningSubgraph;

beforeAll(async () => {
  running = await startDossiers();
});

afterAll(() => running.stop());

const MONTH = { submittedFrom: '2023-12-01', submittedTo: '2023-12-31' };

/** The commune that received the most dossiers in the month, so paging crosses many pages. */
async function busiestCommune(): Promise<{ id: string; total: number }> {
  const communes = unitsAtLevel(AdministrativeLevel.COMMUNE).map((u) => ({ __typename: 'AdministrativeUnit', id: u.id }));
  const data = await queryOk(
    running,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { id dossierStats(from: "${MONTH.submittedFrom}", to: "${MONTH.submittedTo}") { total } } } }`,
    { r: communes },
  );
  return data._entities.map((e: any) => ({ id: e.id, total: e.dossierStats.total })).sort((a: any, b: any) => b.total - a.total)[0];
}

describe('Query.dossiers paging', () => {
  it('pages through one commune and one month to the end without gaps or repeats', async () => {
    const commune = await busiestCommune();
    expect(commune.total).toBeGreaterThanOrEqual(2);
    const first = Math.max(1, Math.floor(commune.total / 4)); // several pages, the last one partial or full

    const { nodes, totalCounts } = await fetchAllDossiers(running, { receivingUnitId: commune.id, ...MONTH }, first);
    const codes = nodes.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    expect(codes).toHaveLength(commune.total); // = that commune's dossierStats total
    for (const count of totalCounts) expect(count).toBe(codes.length);
    for (const d of nodes) {
      expect(d.receivingUnit.id).toBe(commune.id);
      const day = vnDay(d.submittedAt);
      expect(day >= MONTH.submittedFrom && day <= MONTH.submittedTo).toBe(true);
    }
    // The one-page read of the same filter holds exactly the same dossiers.
    const whole = await fetchAllDossiers(running, { receivingUnitId: commune.id, ...MONTH }, 100);
    expect(whole.nodes.map((d) => d.code)).toEqual(codes);
  });

  it('a district filter covers the district and its communes; the province filter covers all', async () => {
    const district = '721';
    const { nodes } = await fetchAllDossiers(running, { receivingUnitId: district, ...MONTH });
    const inDistrict = new Set([district, ...childrenOf(district).map((u) => u.id)]);
    for (const d of nodes) expect(inDistrict.has(d.receivingUnit.id)).toBe(true);
    const data = await queryOk(
      running,
      `{ district: dossiers(filter: { receivingUnitId: "721", submittedFrom: "2023-12-01", submittedTo: "2023-12-31" }) { totalCount }
         province: dossiers(filter: { receivingUnitId: "74" }) { totalCount } all: dossiers { totalCount } }`,
    );
    expect(data.district.totalCount).toBe(nodes.length);
    expect(data.province.totalCount).toBe(data.all.totalCount);
  });

  it('filters by status, channel and procedure', async () => {
    const some = await queryOk(running, '{ dossiers(filter: { status: COMPLETED, channel: ONLINE }, first: 1) { edges { node { procedure { code } } } } }');
    const procedureCode = some.dossiers.edges[0].node.procedure.code;
    const { nodes } = await fetchAllDossiers(running, { status: 'COMPLETED', channel: 'ONLINE', procedureCode });
    expect(nodes.length).toBeGreaterThan(0);
    for (const d of nodes) expect(d).toMatchObject({ status: 'COMPLETED', channel: 'ONLINE', procedure: { code: procedureCode } });
  });

  it.each([
    ['first above 100', '{ dossiers(first: 101) { totalCount } }', {}],
    ['a negative first', '{ dossiers(first: -1) { totalCount } }', {}],
    ['a cursor this API did not issue', '{ dossiers(after: "bm90LWEtY3Vyc29y") { totalCount } }', {}],
    ['an unknown receiving unit', '{ dossiers(filter: { receivingUnitId: "99999" }) { totalCount } }', {}],
    ['a malformed procedure code', '{ dossiers(filter: { procedureCode: "1000494" }) { totalCount } }', {}],
    ['submittedFrom after submittedTo', '{ dossiers(filter: { submittedFrom: "2024-01-02", submittedTo: "2024-01-01" }) { totalCount } }', {}],
    ['an impossible date', 'query($from: Date) { dossiers(filter: { submittedFrom: $from }) { totalCount } }', { from: '2023-02-30' }],
  ] as const)('%s is BAD_USER_INPUT', async (_case, query, variables) => {
    const res = await postGraphQL(running.url, query, variables);
    expect(res.status).toBeLessThan(500);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message.length).toBeGreaterThan(20);
  });

  it('knows every unit of the province as a receivingUnitId', async () => {
    const ids = allUnits().map((u) => u.id);
    const query = `{ ${ids.map((id) => `u${id}: dossiers(filter: { receivingUnitId: "${id}" }, first: 0) { totalCount }`).join(' ')} }`;
    const data = await queryOk(running, query);
    expect(Object.keys(data)).toHaveLength(ids.length);
  });
});
