import { AdministrativeLevel, PROVINCE_ID, RunningSubgraph, startSubgraph, unitsAtLevel } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { subgraph } from '../index';
import { errorCodes, unitEntities } from './helpers';

// Issue #6, point 2: seriesAt buckets a unit's series at a granularity by the indicator's rule
// (computed here independently from `series`), for own and rolled-up data; compare equals
// separate seriesAt calls in one batched statement; bad input is BAD_USER_INPUT.
let running: RunningSubgraph;
let catalog: { code: string; aggregation: string; frequency: string; source: string | null }[];
beforeAll(async () => {
  running = await startSubgraph(subgraph, { config: { port: 0 } });
  const res = await unitEntities(running.url, [PROVINCE_ID], 'indicators { indicator { code aggregation frequency } latest { source } }');
  expect(res.errors).toBeUndefined();
  catalog = res.data._entities[0].indicators.map((v: any) => ({ ...v.indicator, source: v.latest?.source ?? null }));
});
afterAll(() => running.stop());

const DISTRICTS = unitsAtLevel(AdministrativeLevel.DISTRICT).map((u) => u.id);
type Point = { period: string; periodStart: string; periodEnd: string; value: number; source: string };

function pick(aggregation: string, frequency: string, source: string): string {
  const found = catalog.find((i) => i.aggregation === aggregation && i.frequency === frequency && i.source === source);
  if (!found) throw new Error(`no ${frequency} ${aggregation} indicator with ${source} province data in the test seed`);
  return found.code;
}

/** The bucket label of a period end, written independently of the subgraph's SQL. */
function bucketOf(periodEnd: string, granularity: string): string {
  const [year, month] = periodEnd.split('-').map(Number);
  if (granularity === 'YEAR') return String(year);
  if (granularity === 'QUARTER') return `${year}-Q${Math.ceil(month / 3)}`;
  return periodEnd.slice(0, 7);
}

function expectedBuckets(points: Point[], granularity: string, aggregation: string) {
  const buckets = new Map<string, Point[]>();
  for (const p of points) buckets.set(bucketOf(p.periodEnd, granularity), [...(buckets.get(bucketOf(p.periodEnd, granularity)) ?? []), p]);
  return [...buckets].map(([period, list]) => {
    const sum = list.reduce((s, p) => s + p.value, 0);
    const sorted = [...list].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    const value = aggregation === 'SUM' ? sum : aggregation === 'LAST' ? sorted[sorted.length - 1].value : sum / list.length;
    return { period, value, source: list[0].source };
  });
}

async function seriesAndBuckets(code: string, unitId: string, granularity: string, from = '2022-01-01', to = '2024-09-30') {
  const res = await postGraphQL(
    running.url,
    `query($code: ID!, $unit: ID!, $g: Granularity!, $from: Date, $to: Date) { indicator(code: $code) { aggregation
      series(unitId: $unit, from: $from, to: $to) { period periodStart periodEnd value source }
      seriesAt(unitId: $unit, granularity: $g, from: $from, to: $to) { period periodStart periodEnd value source contributingUnits unit { id } } } }`,
    { code, unit: unitId, g: granularity, from, to },
  );
  expect(res.errors).toBeUndefined();
  return res.data.indicator as { aggregation: string; series: Point[]; seriesAt: (Point & { contributingUnits: number; unit: { id: string } })[] };
}

describe.each([
  ['own data', 'REPORTED'],
  ['a unit rolled up from its districts', 'ROLLED_UP'],
])('seriesAt of the province with %s', (_label, source) => {
  const rules = source === 'REPORTED' ? ['SUM', 'AVERAGE', 'WEIGHTED_AVERAGE', 'LAST'] : ['SUM', 'AVERAGE', 'WEIGHTED_AVERAGE'];
  it.each(rules.flatMap((rule) => ['QUARTER', 'YEAR'].map((g) => [rule, g])))('%s at %s equals the rule applied to the monthly values of its months', async (rule, granularity) => {
    const code = pick(rule, 'MONTHLY', source);
    const { aggregation, series, seriesAt } = await seriesAndBuckets(code, PROVINCE_ID, granularity);
    expect(aggregation).toBe(rule);
    expect(series.length).toBeGreaterThan(3);
    expect(series.every((p) => p.source === source)).toBe(true);
    const expected = expectedBuckets(series, granularity, rule);
    expect(seriesAt.map((b) => b.period)).toEqual(expected.map((b) => b.period));
    seriesAt.forEach((bucket, i) => {
      expect(bucket.value).toBeCloseTo(expected[i].value, 9);
      expect(bucket.source).toBe(source);
      expect(bucket.unit).toEqual({ id: PROVINCE_ID });
      expect(bucket.periodStart <= bucket.periodEnd).toBe(true);
      expect(bucketOf(bucket.periodStart, granularity)).toBe(bucket.period);
      expect(bucketOf(bucket.periodEnd, granularity)).toBe(bucket.period);
    });
    if (source === 'ROLLED_UP') expect(seriesAt.every((b) => b.contributingUnits > 1)).toBe(true);
  });
});

it('puts a weekly value in the month of its last day, and MONTH of a monthly series is the series itself', async () => {
  const weekly = pick('SUM', 'WEEKLY', 'REPORTED');
  const w = await seriesAndBuckets(weekly, PROVINCE_ID, 'MONTH');
  const expected = expectedBuckets(w.series, 'MONTH', 'SUM');
  expect(w.seriesAt.map((b) => b.period)).toEqual(expected.map((b) => b.period));
  w.seriesAt.forEach((b, i) => expect(b.value).toBeCloseTo(expected[i].value, 6));
  const same = await seriesAndBuckets(weekly, PROVINCE_ID, 'WEEK');
  expect(same.seriesAt.map(({ period, value }) => ({ period, value }))).toEqual(same.series.map(({ period, value }) => ({ period, value })));
  const monthly = await seriesAndBuckets(pick('SUM', 'MONTHLY', 'REPORTED'), PROVINCE_ID, 'MONTH');
  expect(monthly.seriesAt.map(({ period, value }) => ({ period, value }))).toEqual(monthly.series.map(({ period, value }) => ({ period, value })));
});

it('counts only the observations inside [from, to]', async () => {
  const code = pick('SUM', 'MONTHLY', 'REPORTED');
  const { series, seriesAt } = await seriesAndBuckets(code, PROVINCE_ID, 'YEAR', '2023-02-01', '2023-06-30');
  expect(series.map((p) => p.period)).toEqual(['2023-02', '2023-03', '2023-04', '2023-05', '2023-06'].filter((p) => series.some((s) => s.period === p)));
  expect(seriesAt).toHaveLength(1);
  expect(seriesAt[0].value).toBeCloseTo(series.reduce((s, p) => s + p.value, 0), 9);
});

const COMPARE = `query($code: ID!, $units: [ID!]!) { indicator(code: $code) {
  compare(unitIds: $units, granularity: QUARTER, from: "2023-01-01", to: "2024-06-30") { unitId unit { id } observations { period value source contributingUnits } } } }`;

it('compare gives, per unit in the order asked, the same list as separate seriesAt calls', async () => {
  const code = pick('SUM', 'MONTHLY', 'ROLLED_UP');
  const units = ['724', PROVINCE_ID, '721'];
  const res = await postGraphQL(running.url, COMPARE, { code, units });
  expect(res.errors).toBeUndefined();
  const compared = res.data.indicator.compare;
  expect(compared.map((u: any) => u.unitId)).toEqual(units);
  for (const unit of compared) {
    const one = await postGraphQL(
      running.url,
      `query($code: ID!, $unit: ID!) { indicator(code: $code) { seriesAt(unitId: $unit, granularity: QUARTER, from: "2023-01-01", to: "2024-06-30") { period value source contributingUnits } } }`,
      { code, unit: unit.unitId },
    );
    expect(unit.unit).toEqual({ id: unit.unitId });
    expect(unit.observations.length).toBeGreaterThan(0);
    expect(unit.observations).toEqual(one.data.indicator.seriesAt);
  }
});

it('runs as many SQL statements to compare 9 units as 3', async () => {
  const code = pick('WEIGHTED_AVERAGE', 'MONTHLY', 'ROLLED_UP');
  const count = async (units: string[]) => {
    running.database.resetSqlStatements();
    const res = await postGraphQL(running.url, COMPARE, { code, units });
    expect(res.errors).toBeUndefined();
    expect(res.data.indicator.compare).toHaveLength(units.length);
    return running.database.sqlStatements();
  };
  const three = await count([PROVINCE_ID, '721', '724']);
  const nine = await count([PROVINCE_ID, ...DISTRICTS.slice(0, 8)]);
  expect(three).toBeGreaterThan(0);
  expect(nine).toBe(three);
});

it('answers BAD_USER_INPUT with what to do for bad arguments', async () => {
  const monthly = pick('SUM', 'MONTHLY', 'REPORTED');
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [`query($c: ID!) { indicator(code: $c) { seriesAt(unitId: "74", granularity: WEEK) { value } } }`, { c: monthly }, /finer than the MONTHLY/],
    [`query($c: ID!) { indicator(code: $c) { seriesAt(unitId: "9999", granularity: YEAR) { value } } }`, { c: monthly }, /not an administrative unit/],
    [`query($c: ID!) { indicator(code: $c) { seriesAt(unitId: "74", granularity: YEAR, from: "2024-01-01", to: "2023-01-01") { value } } }`, { c: monthly }, /after `to`/],
    [`query($c: ID!, $u: [ID!]!) { indicator(code: $c) { compare(unitIds: $u, granularity: YEAR) { unitId } } }`, { c: monthly, u: [] }, /at least one/],
    [`query($c: ID!, $u: [ID!]!) { indicator(code: $c) { compare(unitIds: $u, granularity: YEAR) { unitId } } }`, { c: monthly, u: Array.from({ length: 101 }, (_, i) => String(25000 + i)) }, /at most 100/],
    [`query($c: ID!, $u: [ID!]!) { indicator(code: $c) { compare(unitIds: $u, granularity: YEAR) { unitId } } }`, { c: monthly, u: ['74', 'x'] }, /not an administrative unit/],
  ];
  for (const [query, variables, message] of cases) {
    const res = await postGraphQL(running.url, query, variables);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toMatch(message);
  }
});

it('rolls a SUM up so that the province\'s yearly bucket equals the sum of its districts\' yearly buckets', async () => {
  const code = pick('SUM', 'MONTHLY', 'ROLLED_UP');
  const res = await postGraphQL(
    running.url,
    `query($code: ID!, $units: [ID!]!) { indicator(code: $code) { compare(unitIds: $units, granularity: YEAR) { unitId observations { period value source } } } }`,
    { code, units: [PROVINCE_ID, ...DISTRICTS] },
  );
  expect(res.errors).toBeUndefined();
  const [province, ...districts] = res.data.indicator.compare;
  expect(province.observations.length).toBeGreaterThan(0);
  expect(districts.every((d: any) => d.observations.every((o: any) => o.source === 'REPORTED'))).toBe(true);
  for (const bucket of province.observations) {
    expect(bucket.source).toBe('ROLLED_UP');
    const parts = districts.flatMap((d: any) => d.observations.filter((o: any) => o.period === bucket.period).map((o: any) => o.value));
    expect(parts.length).toBeGreaterThan(1);
    expect(bucket.value).toBeCloseTo(parts.reduce((s: number, v: number) => s + v, 0), 6);
  }
});
