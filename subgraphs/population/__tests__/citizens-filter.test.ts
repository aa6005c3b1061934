import { RunningSubgraph } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { CitizenNode, errorCodes, fetchAllCitizens, startPopulation, queryOk } from './support';

let running: RunningSubgraph;
/** Every citizen, read by paging without a filter: the oracle the filters are checked against. */
let everyone: CitizenNode[];
let districtOf: Map<string, string>;
const DISTRICT = '721'; // Bến Cát

/** Written independently of the subgraph's own normalisation: strip marks, đ → d, lower case. */
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

async function idsFor(filter: Record<string, unknown>): Promise<string[]> {
  const { nodes, totalCounts } = await fetchAllCitizens(running, filter, 'id');
  expect(totalCounts[0]).toBe(nodes.length);
  return ids(nodes);
}

async function errorFor(filter: Record<string, unknown>) {
  const response = await postGraphQL(running.url, 'query($f: CitizenFilter) { citizens(filter: $f) { totalCount } }', { f: filter });
  expect(response.status).toBeLessThan(500);
  return response;
}

beforeAll(async () => {
  running = await startPopulation();
  everyone = (await fetchAllCitizens(running, null)).nodes;
  const units = await queryOk(running, '{ administrativeUnits(level: COMMUNE) { id parent { id } } }');
  districtOf = new Map(units.administrativeUnits.map((u: any) => [u.id, u.parent.id]));
});

afterAll(() => running.stop());

const inDistrict = () => everyone.filter((c) => districtOf.get(c.residence.id) === DISTRICT);

describe('citizens filter', () => {
  it('residenceId of a district covers exactly the residents of its communes', async () => {
    const expected = ids(inDistrict());
    expect(expected.length).toBeGreaterThan(0);
    expect(await idsFor({ residenceId: DISTRICT })).toEqual(expected);
  });

  it('residenceId of the province covers everyone', async () => {
    const data = await queryOk(running, '{ citizens(filter: { residenceId: "74" }, first: 1) { totalCount } }');
    expect(data.citizens.totalCount).toBe(everyone.length);
  });

  it('gender combines with residence', async () => {
    for (const gender of ['MALE', 'FEMALE']) {
      const expected = ids(inDistrict().filter((c) => c.gender === gender));
      expect(expected.length).toBeGreaterThan(0);
      expect(await idsFor({ residenceId: DISTRICT, gender })).toEqual(expected);
    }
  });

  it('birthYearFrom/birthYearTo are inclusive calendar years', async () => {
    const year = (c: CitizenNode) => Number(c.birthDate.slice(0, 4));
    const cases: [Record<string, number>, (y: number) => boolean][] = [
      [{ birthYearFrom: 1980, birthYearTo: 1989 }, (y) => y >= 1980 && y <= 1989],
      [{ birthYearFrom: 1990, birthYearTo: 1990 }, (y) => y === 1990],
      [{ birthYearFrom: 2010 }, (y) => y >= 2010],
      [{ birthYearTo: 1950 }, (y) => y <= 1950],
    ];
    for (const [years, keep] of cases) {
      const expected = ids(inDistrict().filter((c) => keep(year(c))));
      expect(expected.length).toBeGreaterThan(0);
      expect(await idsFor({ residenceId: DISTRICT, ...years })).toEqual(expected);
    }
  });

  it.each([
    ['Huỳnh', 'huynh', 'HUỲNH'],
    ['Đức', 'duc', 'đỨc'],
    ['thị thu', 'thi thu', 'Thi  Thu'],
  ])('nameContains ignores case and diacritics: %s = %s = %s', async (...terms) => {
    const expected = ids(everyone.filter((c) => plain(c.fullName).includes(plain(terms[1]).replace(/\s+/g, ' '))));
    expect(expected.length).toBeGreaterThan(0);
    // The term with diacritics really occurs written that way in the data.
    expect(everyone.some((c) => c.fullName.toLowerCase().includes(terms[0].toLowerCase()))).toBe(true);
    for (const term of terms) expect(await idsFor({ nameContains: term })).toEqual(expected);
  });

  it('nameContains combines with the other conditions', async () => {
    const expected = ids(inDistrict().filter((c) => c.gender === 'FEMALE' && plain(c.fullName).includes('thi')));
    expect(expected.length).toBeGreaterThan(0);
    expect(await idsFor({ residenceId: DISTRICT, gender: 'FEMALE', nameContains: 'Thị' })).toEqual(expected);
  });

  it('nameContains treats % and _ as text, not as wildcards', async () => {
    const data = await queryOk(running, '{ citizens(filter: { nameContains: "ng_yen" }) { totalCount } }');
    expect(everyone.some((c) => plain(c.fullName).includes('nguyen'))).toBe(true);
    expect(data.citizens.totalCount).toBe(0);
  });

  it.each([
    ['an unknown unit id', { residenceId: '99999' }, 'filter.residenceId'],
    ['birthYearFrom after birthYearTo', { birthYearFrom: 1991, birthYearTo: 1990 }, 'filter.birthYearFrom'],
    ['a birth year that is not 4 digits', { birthYearFrom: 123456 }, 'filter.birthYearFrom'],
    ['a one-letter name', { nameContains: 'a' }, 'filter.nameContains'],
    ['a name of only wildcards', { nameContains: '%%' }, 'filter.nameContains'],
    ['a name of only spaces', { nameContains: '    ' }, 'filter.nameContains'],
  ])('rejects %s with BAD_USER_INPUT', async (_label, filter, argumentName) => {
    const response = await errorFor(filter);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.argumentName).toBe(argumentName);
  });
});
