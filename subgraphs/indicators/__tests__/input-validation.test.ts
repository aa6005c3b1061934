import { RunningSubgraph, startSubgraph } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { subgraph } from '../index';
import { errorCodes, unitEntities } from './helpers';

// Malformed or unknown arguments are BAD_USER_INPUT errors that say what to send, never a 500.
let running: RunningSubgraph;
beforeAll(async () => {
  running = await startSubgraph(subgraph, { config: { port: 0 } });
});
afterAll(() => running.stop());

const cases: [string, string, Record<string, unknown>][] = [
  ['an unknown unit in series', 'query($u: ID!) { indicator(code: "DVC-001") { series(unitId: $u) { value } } }', { u: '99999' }],
  ['a malformed unit in series', 'query($u: ID!) { indicator(code: "DVC-001") { series(unitId: $u) { value } } }', { u: 'Bến Cát' }],
  ['an unknown unit in latest', 'query($u: ID!) { indicator(code: "DVC-001") { latest(unitId: $u) { value } } }', { u: '75' }],
  ['from after to', 'query($f: Date, $t: Date) { indicator(code: "DVC-001") { series(unitId: "74", from: $f, to: $t) { value } } }', { f: '2024-01-01', t: '2023-12-31' }],
  ['a malformed date', 'query($f: Date) { indicator(code: "DVC-001") { series(unitId: "74", from: $f) { value } } }', { f: '2024-13-01' }],
  ['first above 100', '{ indicators(first: 101) { totalCount } }', {}],
  ['a negative first', '{ indicators(first: -1) { totalCount } }', {}],
  ['a forged cursor', '{ indicators(after: "not-a-cursor") { totalCount } }', {}],
  ['an overlong search', 'query($s: String) { indicators(search: $s) { totalCount } }', { s: 'x'.repeat(201) }],
];

it.each(cases)('rejects %s with BAD_USER_INPUT', async (_name, query, variables) => {
  const res = await postGraphQL(running.url, query, variables);
  expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors![0].message.length).toBeGreaterThan(20);
});

it('rejects too many codes on AdministrativeUnit.indicators', async () => {
  const codes = Array.from({ length: 2001 }, (_, i) => `X-${i}`);
  const res = await unitEntities(running.url, ['74'], 'indicators(codes: $codes) { latest { value } }', { codes }, ', $codes: [ID!]');
  expect(errorCodes(res)).toContain('BAD_USER_INPUT');
});

it('answers an equal from and to, and a unit outside the province as an entity, without error', async () => {
  const ok = await postGraphQL(running.url, '{ indicator(code: "DVC-001") { series(unitId: "74", from: "2023-12-10", to: "2023-12-10") { period } } }');
  expect(ok.errors).toBeUndefined();
  expect(ok.data.indicator.series).toEqual([{ period: '2023-W49' }]);
  const outside = await unitEntities(running.url, ['79'], 'indicators { latest { value } } targets { id }');
  expect(outside.errors).toBeUndefined();
  expect(outside.data._entities[0]).toEqual({ id: '79', indicators: null, targets: null });
});
