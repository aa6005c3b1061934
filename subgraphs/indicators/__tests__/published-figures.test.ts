import { RunningSubgraph, startSubgraph } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { parsePeriod } from '../domain/periods';
import { subgraph } from '../index';
import { SPECIAL_INDICATORS } from '../seed/published';

// The published figures of DOMAIN.md come back as observations of the right period and unit.
let running: RunningSubgraph;
beforeAll(async () => {
  running = await startSubgraph(subgraph, { config: { port: 0 } });
});
afterAll(() => running.stop());

async function observation(code: string, unitId: string, period: string) {
  const { periodEnd } = parsePeriod(period)!;
  const res = await postGraphQL(
    running.url,
    `query($code: ID!, $unit: ID!, $day: Date) {
      indicator(code: $code) { name measure series(unitId: $unit, from: $day, to: $day) { period periodStart periodEnd value source unit { id } } }
    }`,
    { code, unit: unitId, day: periodEnd },
  );
  expect(res.errors).toBeUndefined();
  return { indicator: res.data.indicator, observations: res.data.indicator.series };
}

it('has the weekly service index (Bộ chỉ số 766) of 2023-W49: 83.1 points, rank 6, for the province', async () => {
  const search = await postGraphQL(running.url, '{ indicators(search: "Bộ chỉ số 766", first: 10) { edges { node { code measure frequency } } } }');
  const nodes = search.data.indicators.edges.map((e: any) => e.node);
  const score = nodes.find((n: any) => n.measure === 'điểm');
  const rank = nodes.find((n: any) => n.measure === 'thứ hạng');
  expect(score.frequency).toBe('WEEKLY');

  const week49 = await observation(score.code, '74', '2023-W49');
  expect(week49.observations).toEqual([
    { period: '2023-W49', periodStart: '2023-12-04', periodEnd: '2023-12-10', value: 83.1, source: 'REPORTED', unit: { id: '74' } },
  ]);
  const week48 = await observation(score.code, '74', '2023-W48');
  expect(week49.observations[0].value - week48.observations[0].value).toBeCloseTo(4.3, 6);

  expect((await observation(rank.code, '74', '2023-W49')).observations[0].value).toBe(6);
  expect((await observation(rank.code, '74', '2023-W48')).observations[0].value).toBe(10);
});

it('has the dossier rates of DOMAIN.md as fractions', async () => {
  const search = await postGraphQL(running.url, '{ indicators(search: "nộp trực tuyến", sector: "DVC", first: 50) { edges { node { code name } } } }');
  const online = search.data.indicators.edges.find((e: any) => e.node.name === 'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến').node;
  expect((await observation(online.code, '74', '2023-12')).observations[0].value).toBe(0.4597);
  expect((await observation(online.code, '74', '2024-09')).observations[0].value).toBe(0.451);
  // Bến Cát: online intake over 67% at 30/9/2024.
  expect((await observation(online.code, '721', '2024-09')).observations[0].value).toBeGreaterThanOrEqual(0.67);
});

it('returns every pinned published figure at its period and unit', async () => {
  const pinned = SPECIAL_INDICATORS.flatMap((s) => (s.pinned ?? []).map((p) => ({ code: s.code, ...p })));
  expect(pinned.length).toBeGreaterThan(30);
  for (const p of pinned) {
    const { observations, indicator } = await observation(p.code, p.unitId, p.period);
    expect({ code: p.code, observations: observations.map((o: any) => [o.period, o.value, o.unit.id]) }).toEqual({
      code: p.code,
      observations: [[p.period, p.value, p.unitId]],
    });
    if (indicator.measure === '%') expect(p.value).toBeLessThan(2); // fractions, not percent points
  }
});
