import { RunningSubgraph } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { errorCodes, fetchAllCitizens, queryOk, seededCitizenCount, startPopulation } from './support';

let running: RunningSubgraph;
/** The most populous commune, so that its list spans several pages of 100. */
let commune: { id: string; population: number };

beforeAll(async () => {
  running = await startPopulation();
  const data = await queryOk(running, '{ administrativeUnits(level: COMMUNE) { id population } }');
  commune = [...data.administrativeUnits].sort((a: any, b: any) => b.population - a.population)[0];
});

afterAll(() => running.stop());

describe('citizens paging (keyset by id)', () => {
  it('pages through a whole commune with first: 100: no gaps, no repeats, count = totalCount', async () => {
    expect(commune.population).toBeGreaterThan(100); // otherwise a single page proves nothing
    const { nodes, totalCounts, pages } = await fetchAllCitizens(running, { residenceId: commune.id });
    expect(pages).toBe(Math.ceil(commune.population / 100));
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(totalCounts[0]);
    expect(new Set(totalCounts)).toEqual(new Set([commune.population]));
    expect(ids).toEqual([...ids].sort()); // stable order by id
    for (const node of nodes) expect(node.residence.id).toBe(commune.id);
  });

  it('pages through the whole province: every seeded citizen exactly once', async () => {
    const { nodes, totalCounts } = await fetchAllCitizens(running, null, 'id');
    const ids = new Set(nodes.map((n) => n.id));
    expect(ids.size).toBe(nodes.length);
    expect(nodes.length).toBe(seededCitizenCount());
    expect(totalCounts.every((t) => t === seededCitizenCount())).toBe(true);
  });

  it('defaults to 20 per page and reports pageInfo', async () => {
    const data = await queryOk(running, '{ citizens { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }');
    expect(data.citizens.edges).toHaveLength(20);
    expect(data.citizens.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: data.citizens.edges[0].cursor,
      endCursor: data.citizens.edges[19].cursor,
    });
  });

  it('issues cursors that carry no personal data (no CCCD, no name)', async () => {
    const data = await queryOk(running, '{ citizens(first: 5) { edges { cursor node { cccd fullName } } } }');
    for (const { cursor, node } of data.citizens.edges) {
      const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
      expect(decoded).not.toContain(node.cccd);
      expect(decoded).not.toContain(node.fullName);
    }
  });

  it.each([
    ['first: 101', '{ citizens(first: 101) { totalCount } }', 'first'],
    ['first: -1', '{ citizens(first: -1) { totalCount } }', 'first'],
    ['a garbage cursor', '{ citizens(after: "not-a-cursor!") { totalCount } }', 'after'],
    ['a base64 string that is not a cursor', `{ citizens(after: "${Buffer.from('hello').toString('base64url')}") { totalCount } }`, 'after'],
  ])('rejects %s with BAD_USER_INPUT', async (_label, query, argumentName) => {
    const response = await postGraphQL(running.url, query);
    expect(response.status).toBeLessThan(500);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.argumentName).toBe(argumentName);
  });
});
