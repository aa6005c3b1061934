import { AdministrativeLevel, DISTRICT_POPULATION_SHARES, PROVINCE_ID, RunningSubgraph, startSubgraph, unitsAtLevel } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { subgraph } from '../index';
import { unitEntities } from './helpers';

// AdministrativeUnit.indicators: "an observation reported for the unit wins; otherwise rolled up
// from its children by the indicator's rule".
let running: RunningSubgraph;
beforeAll(async () => {
  running = await startSubgraph(subgraph, { config: { port: 0 } });
});
afterAll(() => running.stop());

const DISTRICTS = unitsAtLevel(AdministrativeLevel.DISTRICT).map((u) => u.id);
const VALUE = 'indicators(codes: $codes) { indicator { code aggregation } latest { period periodStart periodEnd value source contributingUnits unit { id } } }';

it('gives a district its own latest observation', async () => {
  const code = 'DVC-003';
  const own = await postGraphQL(running.url, `{ indicator(code: "${code}") { series(unitId: "718") { period value } } }`);
  const series = own.data.indicator.series;
  expect(series.length).toBeGreaterThan(1);
  const res = await unitEntities(running.url, ['718'], VALUE, { codes: [code] }, ', $codes: [ID!]');
  expect(res.errors).toBeUndefined();
  const latest = res.data._entities[0].indicators[0].latest;
  expect(latest).toMatchObject({ ...series[series.length - 1], source: 'REPORTED', contributingUnits: 1, unit: { id: '718' } });
});

it('rolls the province value of district-only indicators up from the 9 districts of the same period', async () => {
  const province = await unitEntities(running.url, [PROVINCE_ID], 'indicators { indicator { code aggregation } latest { period value source contributingUnits unit { id } } }');
  expect(province.errors).toBeUndefined();
  const rolled = province.data._entities[0].indicators.filter((v: any) => v.latest?.source === 'ROLLED_UP');
  const rules = new Set(rolled.map((v: any) => v.indicator.aggregation));
  expect(rules).toEqual(new Set(['SUM', 'AVERAGE', 'WEIGHTED_AVERAGE']));

  // One indicator of each rule: compare with the districts' own values.
  const picks = [...rules].map((rule) => rolled.find((v: any) => v.indicator.aggregation === rule));
  const codes = picks.map((v: any) => v.indicator.code);
  const districts = await unitEntities(running.url, DISTRICTS, VALUE, { codes }, ', $codes: [ID!]');
  expect(districts.errors).toBeUndefined();
  for (const [k, pick] of picks.entries()) {
    const values = districts.data._entities.map((u: any) => ({ id: u.id, ...u.indicators[k].latest }));
    expect(values.every((v: any) => v.source === 'REPORTED' && v.period === pick.latest.period)).toBe(true);
    const sum = values.reduce((s: number, v: any) => s + v.value, 0);
    const weights = values.map((v: any) => DISTRICT_POPULATION_SHARES[v.id]);
    const expected = {
      SUM: sum,
      AVERAGE: sum / values.length,
      WEIGHTED_AVERAGE: values.reduce((s: number, v: any, i: number) => s + v.value * weights[i], 0) / weights.reduce((s: number, w: number) => s + w, 0),
    }[pick.indicator.aggregation as string]!;
    expect(pick.latest.value).toBeCloseTo(expected, 9);
    expect(pick.latest).toMatchObject({ contributingUnits: 9, unit: { id: PROVINCE_ID } });
  }

  // The province's series of such an indicator is rolled up period by period, the latest last.
  const series = await postGraphQL(running.url, `{ indicator(code: "${codes[0]}") { series(unitId: "74") { period value source } } }`);
  const list = series.data.indicator.series;
  expect(list.every((o: any) => o.source === 'ROLLED_UP')).toBe(true);
  expect(list[list.length - 1]).toMatchObject({ period: picks[0].latest.period, value: picks[0].latest.value });
});

it('never rolls up a LAST indicator (ranks, levels) and gives null where nothing is reported', async () => {
  const res = await unitEntities(running.url, ['25747', PROVINCE_ID], 'indicators(sector: "CCH") { indicator { code aggregation } latest { value source } }');
  expect(res.errors).toBeUndefined();
  // Communes report nothing and have no children.
  expect(res.data._entities[0].indicators.every((v: any) => v.latest === null)).toBe(true);
  const province = res.data._entities[1].indicators;
  expect(province.filter((v: any) => v.indicator.aggregation === 'LAST' && v.latest?.source === 'ROLLED_UP')).toEqual([]);
});

it('returns the selected codes in the order asked, skipping unknown ones', async () => {
  const res = await unitEntities(running.url, ['721'], VALUE, { codes: ['DVC-011', 'NOPE-1', 'CDS-006', 'DVC-011'] }, ', $codes: [ID!]');
  expect(res.data._entities[0].indicators.map((v: any) => v.indicator.code)).toEqual(['DVC-011', 'CDS-006']);
  const empty = await unitEntities(running.url, ['721'], VALUE, { codes: [] }, ', $codes: [ID!]');
  expect(empty.data._entities[0].indicators).toEqual([]);
});
