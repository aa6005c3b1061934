import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// Issue #6, point 2 through the gateway: seriesAt and compare are served by the supergraph, the
// compared units resolved by the population subgraph, within the operation limits.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ subgraphs: ['population', 'indicators'] });
});
afterAll(() => stack?.stop());

test('compare at QUARTER through the gateway: unit names from population, values equal to seriesAt', async () => {
  const res = await postGraphQL(
    stack.gatewayUrl,
    `{ indicator(code: "DVC-003") { aggregation
        compare(unitIds: ["721", "724"], granularity: QUARTER, from: "2023-01-01", to: "2023-12-31") { unitId unit { name } observations { period value source } }
        benCat: seriesAt(unitId: "721", granularity: QUARTER, from: "2023-01-01", to: "2023-12-31") { period value source } } }`,
  );
  expect(res.errors).toBeUndefined();
  const { compare, benCat } = res.data.indicator;
  expect(compare.map((u: any) => [u.unitId, u.unit.name])).toEqual([['721', 'Thành phố Bến Cát'], ['724', 'Thành phố Dĩ An']]);
  expect(compare[0].observations).toEqual(benCat);
  expect(benCat.map((o: any) => o.period)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']);
});
