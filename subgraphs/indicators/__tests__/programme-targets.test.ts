import { REFERENCE_DATE, RunningSubgraph, startSubgraph } from '../../kit';
import { targetStatus } from '../domain/target-status';
import { subgraph } from '../index';
import { errorCodes, unitEntities } from './helpers';

// Bến Cát's programme 39-CTr/TU: 41 targets, 21 met, 9 expected, 6 not met, 5 not measured (DOMAIN.md).
let running: RunningSubgraph;
beforeAll(async () => {
  running = await startSubgraph(subgraph, { config: { port: 0 } });
});
afterAll(() => running.stop());

function countBy(statuses: string[]): Record<string, number> {
  return statuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
}

it('derives 21 ACHIEVED, 9 ON_TRACK, 6 NOT_ACHIEVED, 5 NOT_MEASURED as of the reference date', async () => {
  const res = await unitEntities(running.url, ['721'], 'targets(programme: "39-CTr/TU") { id programme status unit { id } }');
  expect(res.errors).toBeUndefined();
  const targets = res.data._entities[0].targets;
  expect(targets).toHaveLength(41);
  expect(new Set(targets.map((t: any) => t.id)).size).toBe(41);
  expect(targets.every((t: any) => t.programme === '39-CTr/TU' && t.unit.id === '721')).toBe(true);
  expect(countBy(targets.map((t: any) => t.status))).toEqual({ ACHIEVED: 21, ON_TRACK: 9, NOT_ACHIEVED: 6, NOT_MEASURED: 5 });

  const explicit = await unitEntities(running.url, ['721'], `targets(programme: "39-CTr/TU") { status(asOf: "${REFERENCE_DATE}") }`);
  expect(explicit.data._entities[0].targets.map((t: any) => t.status)).toEqual(targets.map((t: any) => t.status));
});

it('gives every status by the documented rule on the observations the API returns', async () => {
  for (const asOf of ['2023-06-30', REFERENCE_DATE]) {
    const res = await unitEntities(
      running.url,
      ['721', '74', '724'],
      `targets { targetValue deadline status(asOf: $asOf) indicator { higherIsBetter series(unitId: "721", to: $asOf) { periodEnd value } } unit { id } }`,
      { asOf },
      ', $asOf: Date',
    );
    expect(res.errors).toBeUndefined();
    for (const t of res.data._entities[0].targets) {
      expect(t.status).toBe(targetStatus({ targetValue: t.targetValue, deadline: t.deadline, higherIsBetter: t.indicator.higherIsBetter }, t.indicator.series, asOf));
    }
    // Other programmes and units have targets too.
    expect(res.data._entities[1].targets.length).toBeGreaterThan(0);
    expect(res.data._entities[2].targets.length).toBeGreaterThan(0);
  }
});

it('counts nothing measured before the first observation ends', async () => {
  const res = await unitEntities(running.url, ['721'], 'targets(programme: "39-CTr/TU") { status(asOf: "2021-12-31") latest { period } }');
  const targets = res.data._entities[0].targets;
  expect(targets.every((t: any) => t.status === 'NOT_MEASURED')).toBe(true);
  expect(targets.filter((t: any) => t.latest !== null)).toHaveLength(36);
});

it('filters by programme and rejects an invalid asOf', async () => {
  const none = await unitEntities(running.url, ['721', '999999'], 'targets(programme: "no such programme") { id }');
  expect(none.data._entities[0].targets).toEqual([]);
  expect(none.data._entities[1].targets).toBeNull();
  // Passed as a variable, as clients do; a malformed literal fails validation before execution.
  const bad = await unitEntities(running.url, ['721'], 'targets { status(asOf: $asOf) }', { asOf: '2024-02-30' }, ', $asOf: Date');
  expect(errorCodes(bad)).toContain('BAD_USER_INPUT');
});
