import { RunningSubgraph, startSubgraph } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { normaliseName } from '../domain/normalise';
import { subgraph } from '../index';

// The IOC catalogue through the API: "over 1,000 indicators in 27 sectors", keyset paging and search.
let running: RunningSubgraph;
beforeAll(async () => {
  running = await startSubgraph(subgraph, { config: { port: 0 } });
});
afterAll(() => running.stop());

async function allIndicators(variables: Record<string, unknown> = {}) {
  const codes: { code: string; sector: string }[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 50; page += 1) {
    const res: any = await postGraphQL(
      running.url,
      `query($after: String, $sector: ID, $search: String) {
        indicators(first: 100, after: $after, sector: $sector, search: $search) {
          totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { code sector { code } } }
        }
      }`,
      { after, ...variables },
    );
    expect(res.errors).toBeUndefined();
    const conn = res.data.indicators;
    expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
    totalCount = conn.totalCount;
    codes.push(...conn.edges.map((e: any) => ({ code: e.node.code, sector: e.node.sector.code })));
    if (!conn.pageInfo.hasNextPage) return { codes, totalCount };
    after = conn.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

it('holds at least 1,000 indicators in exactly 27 sectors', async () => {
  const res = await postGraphQL(running.url, '{ sectors { code name indicatorCount } }');
  expect(res.errors).toBeUndefined();
  const sectors = res.data.sectors;
  expect(sectors).toHaveLength(27);
  expect(new Set(sectors.map((s: any) => s.name)).size).toBe(27);
  const sum = sectors.reduce((s: number, x: any) => s + x.indicatorCount, 0);
  expect(sum).toBeGreaterThanOrEqual(1000);
  for (const s of sectors) expect(s.indicatorCount).toBeGreaterThan(0);

  const { codes, totalCount } = await allIndicators();
  expect(totalCount).toBe(sum);
  expect(new Set(codes.map((c) => c.sector))).toEqual(new Set(sectors.map((s: any) => s.code)));
});

it('pages through every indicator with first: 100, without gaps or repeats', async () => {
  const { codes, totalCount } = await allIndicators();
  expect(codes).toHaveLength(totalCount);
  expect(new Set(codes.map((c) => c.code)).size).toBe(totalCount);
  const sorted = [...codes.map((c) => c.code)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(codes.map((c) => c.code)).toEqual(sorted);
});

it('pages within a sector and counts the sector alone', async () => {
  const sectors = (await postGraphQL(running.url, '{ sectors { code indicatorCount } }')).data.sectors;
  const yte = sectors.find((s: any) => s.code === 'YTE');
  const { codes, totalCount } = await allIndicators({ sector: 'YTE' });
  expect(totalCount).toBe(yte.indicatorCount);
  expect(codes.every((c) => c.sector === 'YTE')).toBe(true);
  expect((await allIndicators({ sector: 'NO-SUCH' })).totalCount).toBe(0);
});

it('searches names ignoring case and Vietnamese diacritics', async () => {
  const query = `query($search: String) { indicators(search: $search, first: 100) { totalCount edges { node { code name } } } }`;
  const plain = await postGraphQL(running.url, query, { search: 'bo chi so 766' });
  const accented = await postGraphQL(running.url, query, { search: 'BỘ CHỈ SỐ 766' });
  expect(plain.errors).toBeUndefined();
  expect(plain.data.indicators.totalCount).toBeGreaterThan(0);
  expect(accented.data).toEqual(plain.data);
  for (const e of plain.data.indicators.edges) expect(normaliseName(e.node.name)).toContain('bo chi so 766');

  // đ matches d, and LIKE wildcards in the text are taken literally.
  const dien = await postGraphQL(running.url, query, { search: 'điện' });
  expect(dien.data.indicators.totalCount).toBe((await postGraphQL(running.url, query, { search: 'DIEN' })).data.indicators.totalCount);
  expect((await postGraphQL(running.url, query, { search: '%' })).data.indicators.totalCount).toBe(0);
});

it('resolves Indicator entities by code, null for an unknown code', async () => {
  const res = await postGraphQL(
    running.url,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Indicator { code name frequency sector { code } } } }`,
    { r: [{ __typename: 'Indicator', code: 'DVC-001' }, { __typename: 'Indicator', code: 'NOPE-999' }] },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data._entities[0]).toMatchObject({ code: 'DVC-001', frequency: 'WEEKLY', sector: { code: 'DVC' } });
  expect(res.data._entities[1]).toBeNull();
  expect((await postGraphQL(running.url, '{ indicator(code: "NOPE-999") { code } }')).data.indicator).toBeNull();
});
