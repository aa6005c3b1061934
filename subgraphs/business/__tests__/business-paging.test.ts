import { childrenOf, PROVINCE_ID, RunningSubgraph, unitById } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { searchText } from '../../kit/search-text';
import { allBusinesses, BusinessNode, queryData, startBusiness } from './harness';

const PAGE = `query($filter: BusinessFilter, $first: Int, $after: String) {
  businesses(filter: $filter, first: $first, after: $after) { totalCount edges { node { taxCode } } pageInfo { hasNextPage endCursor } }
}`;

describe('Query.businesses', () => {
  let running: RunningSubgraph;
  let everyone: BusinessNode[];
  beforeAll(async () => {
    running = await startBusiness();
    everyone = (await allBusinesses(running)).nodes;
  });
  afterAll(() => running.stop());

  const badInput = async (variables: Record<string, unknown>) => {
    const response = await postGraphQL(running.url, PAGE, variables);
    expect(response.status).toBe(200);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    return response.errors![0].message;
  };

  it('pages through the largest district with first: 100, without gaps or repeats, to totalCount', async () => {
    const districts = childrenOf(PROVINCE_ID).map((d) => ({ id: d.id, count: everyone.filter((b) => unitById(b.address!.id)!.parentId === d.id).length }));
    const largest = districts.sort((a, b) => b.count - a.count)[0];
    const { nodes, totalCounts, pages } = await allBusinesses(running, { addressId: largest.id });
    const codes = nodes.map((n) => n.taxCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(totalCounts)).toEqual(new Set([codes.length]));
    expect(codes.length).toBe(largest.count);
    // Same set as filtering the whole list by the district of the address.
    expect(codes).toEqual(everyone.filter((b) => unitById(b.address!.id)!.parentId === largest.id).map((b) => b.taxCode));
    expect(pages).toBe(Math.max(1, Math.ceil(codes.length / 100)));
  });

  it('orders the whole list by tax code and pages it without gaps', () => {
    const codes = everyone.map((b) => b.taxCode);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('defaults to 20 items and reports hasNextPage', async () => {
    const data = await queryData(running, PAGE, {});
    expect(data.businesses.edges).toHaveLength(Math.min(20, everyone.length));
    expect(data.businesses.pageInfo.hasNextPage).toBe(everyone.length > 20);
    expect(data.businesses.totalCount).toBe(everyone.length);
  });

  it('rejects first above 100 or below 0 and a forged cursor', async () => {
    expect(await badInput({ first: 101 })).toMatch(/between 0 and 100/);
    expect(await badInput({ first: -1 })).toMatch(/between 0 and 100/);
    expect(await badInput({ after: 'not-a-cursor' })).toMatch(/cursor/);
  });

  it('filters by commune: only businesses placed there', async () => {
    const commune = everyone[0].address!.id;
    const { nodes } = await allBusinesses(running, { addressId: commune });
    expect(nodes.map((n) => n.taxCode)).toEqual(everyone.filter((b) => b.address!.id === commune).map((b) => b.taxCode));
  });

  it('treats the province as everything', async () => {
    const data = await queryData(running, PAGE, { filter: { addressId: PROVINCE_ID }, first: 0 });
    expect(data.businesses.totalCount).toBe(everyone.length);
  });

  it('filters by status, section and digitalTechnology, alone and combined', async () => {
    const cases: [Record<string, unknown>, (b: BusinessNode) => boolean][] = [
      [{ status: 'ACTIVE' }, (b) => b.status === 'ACTIVE'],
      [{ status: 'DISSOLVED' }, (b) => b.status === 'DISSOLVED'],
      [{ section: 'C' }, (b) => b.industry.section === 'C'],
      [{ section: 'J' }, (b) => b.industry.section === 'J'],
      [{ digitalTechnology: true }, (b) => b.digitalTechnology],
      [{ digitalTechnology: false, status: 'ACTIVE', section: 'C' }, (b) => !b.digitalTechnology && b.status === 'ACTIVE' && b.industry.section === 'C'],
    ];
    for (const [filter, keep] of cases) {
      const expected = everyone.filter(keep).map((b) => b.taxCode);
      expect(expected.length).toBeGreaterThan(0);
      const { nodes } = await allBusinesses(running, filter);
      expect({ filter, codes: nodes.map((n) => n.taxCode) }).toEqual({ filter, codes: expected });
    }
  });

  it('finds names ignoring case, diacritics and punctuation', async () => {
    const target = everyone[Math.floor(everyone.length / 2)];
    const brand = target.name.split(' ').slice(-2).join(' '); // e.g. "Minh Phát"
    const term = searchText(brand).toUpperCase(); // e.g. "MINH PHAT"
    const { nodes } = await allBusinesses(running, { nameContains: ` ${term}! ` });
    expect(nodes.map((n) => n.taxCode)).toContain(target.taxCode);
    expect(nodes.map((n) => n.taxCode)).toEqual(everyone.filter((b) => searchText(b.name).includes(searchText(term))).map((b) => b.taxCode));
    const viet = await allBusinesses(running, { nameContains: 'công ty cổ phần' });
    expect(viet.nodes.map((n) => n.taxCode)).toEqual(everyone.filter((b) => b.name.startsWith('Công ty Cổ phần')).map((b) => b.taxCode));
    const none = await queryData(running, PAGE, { filter: { nameContains: 'zzqx' } });
    expect(none.businesses.totalCount).toBe(0);
  });

  it('rejects a malformed filter with BAD_USER_INPUT', async () => {
    expect(await badInput({ filter: { addressId: '99999' } })).toMatch(/addressId/);
    expect(await badInput({ filter: { section: 'c' } })).toMatch(/section/);
    expect(await badInput({ filter: { section: 'V' } })).toMatch(/section/);
    expect(await badInput({ filter: { section: 'CA' } })).toMatch(/section/);
    expect(await badInput({ filter: { nameContains: 'a' } })).toMatch(/at least 2/);
    expect(await badInput({ filter: { nameContains: ' %_ ' } })).toMatch(/at least 2/);
    expect(await badInput({ filter: { nameContains: 'x'.repeat(101) } })).toMatch(/at most 100/);
  });
});
