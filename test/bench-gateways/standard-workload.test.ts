import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { firstDifference } from '../../bench/gateways/equality';
import { CompiledExecutionGateway } from '../../gateway/src/execution/compiled-gateway';
import { withRoutingUrls } from '../../bench/gateways/routing-urls';
import { standardFile } from '../../bench/gateways/standard/paths';
import { STANDARD_SUBGRAPHS } from '../../bench/gateways/standard/sdl';
import { startStandardSubgraph, StandardSubgraphServer } from '../../bench/gateways/standard/server';
import { composeStandardSupergraph, planningDifferences, sharedStandardSupergraph } from '../../bench/gateways/standard/supergraph';

// The benchmark's standard workload (bench/gateways/standard) is the public one: its four
// subgraphs compose into the shared supergraph, and through vanilla @apollo/gateway they answer
// the shared query with exactly the shared expected response.

test('the rebuilt subgraphs compose into a supergraph that plans like the shared one', () => {
  expect(planningDifferences(composeStandardSupergraph({ classified: false }), sharedStandardSupergraph())).toEqual([]);
  // The classification every field carries for this project's gateway changes no plan.
  expect(planningDifferences(composeStandardSupergraph({ classified: true }), sharedStandardSupergraph())).toEqual([]);
  // The comparison does see a change that would alter plans.
  const altered = sharedStandardSupergraph().replace('requires: "price weight"', 'requires: "price"');
  expect(planningDifferences(altered, sharedStandardSupergraph())).toHaveLength(1);
});

/** The four standard subgraphs behind a gateway (built from the supergraph by `gatewayFor`), served by Apollo Server. */
function standardStack(gatewayFor: (supergraphSdl: string) => ApolloGateway) {
  const stack = { subgraphs: [] as StandardSubgraphServer[], server: undefined as ApolloServer | undefined, url: '' };
  beforeAll(async () => {
    stack.subgraphs = await Promise.all(STANDARD_SUBGRAPHS.map((name) => startStandardSubgraph(name, { memo: true })));
    const urls = Object.fromEntries(STANDARD_SUBGRAPHS.map((name, i) => [name, stack.subgraphs[i].url]));
    stack.server = new ApolloServer({ gateway: gatewayFor(withRoutingUrls(composeStandardSupergraph({ classified: true }), urls)) });
    ({ url: stack.url } = await startStandaloneServer(stack.server, { listen: { port: 0, host: '127.0.0.1' } }));
  });
  afterAll(async () => {
    await stack.server?.stop();
    await Promise.all(stack.subgraphs.map((s) => s.close()));
  });
  return stack;
}

/** Sends the standard query twice (the second answered from the subgraphs' memo); each answer must equal the expected response. */
async function expectStandardAnswersTwice(url: string): Promise<void> {
  const expected = JSON.parse(readFileSync(standardFile('expected-response.json'), 'utf8'));
  const query = readFileSync(standardFile('query.graphql'), 'utf8');
  for (let i = 0; i < 2; i += 1) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer unique-${i}` }, body: JSON.stringify({ query }) });
    expect(response.status).toBe(200);
    expect(firstDifference(await response.json(), expected)).toBeUndefined();
  }
}

describe('through vanilla @apollo/gateway', () => {
  const stack = standardStack((supergraphSdl) => new ApolloGateway({ supergraphSdl }));

  test('the standard query answers exactly the expected response, twice (the second from the subgraphs\' memo)', async () => {
    await expectStandardAnswersTwice(stack.url);
    // Every subgraph was called; Apollo's plan for this query has 16 fetches.
    const calls = stack.subgraphs.map((s) => s.requests());
    expect(calls.every((n) => n > 0)).toBe(true);
    expect(calls.reduce((a, b) => a + b, 0)).toBe(2 * 16);
  });
});

// This project's executor (gateway/src/execution) answers the same, with or without combining a
// request's entity fetches; combined, the plan's 16 fetches take 8 calls.
describe.each([true, false])('through this project\'s executor, entity batching %s', (batchEntities) => {
  const stack = standardStack((supergraphSdl) => new CompiledExecutionGateway({ batchEntities }, { supergraphSdl }));

  test('the standard query answers exactly the expected response', async () => {
    await expectStandardAnswersTwice(stack.url);
    const calls = stack.subgraphs.map((s) => s.requests()).reduce((a, b) => a + b, 0);
    if (batchEntities) {
      // The plan's fetches go in stages (a fetch waits for the request's calls in flight), and the
      // fetches of a stage with the same subgraph and operation combine: 2 root calls, then 3
      // (reviews ×2, inventory), then 3 (products, inventory, accounts). The plan's last fetch
      // (shippingEstimate of the reviewed products) makes no call: the inventory subgraph
      // answered it for the same products in the second stage (entity-answers.ts).
      expect(calls).toBe(2 * 8);
    } else {
      expect(calls).toBe(2 * 16);
    }
  });
});

test('the inventory subgraph refuses a shippingEstimate whose @requires fields were not sent', async () => {
  const inventory = await startStandardSubgraph('inventory');
  try {
    const ask = async (representation: Record<string, unknown>) => {
      const response = await fetch(inventory.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { inStock shippingEstimate } } }', variables: { r: [representation] } }),
      });
      return (await response.json()) as { data?: { _entities: unknown[] }; errors?: { message: string }[] };
    };
    expect(await ask({ __typename: 'Product', upc: '1', price: 899, weight: 100 })).toEqual({ data: { _entities: [{ inStock: true, shippingEstimate: null }] } });
    expect((await ask({ __typename: 'Product', upc: '1' })).errors?.[0].message).toMatch(/@requires price and weight/);
  } finally {
    await inventory.close();
  }
});

test('firstDifference names the first place two answers part', () => {
  expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeUndefined();
  expect(firstDifference({ b: 1, a: 2 }, { a: 2, b: 1 })).toBeUndefined();
  expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('$.a[1].b: 2 ≠ expected 3');
  expect(firstDifference({ a: [1] }, { a: [1, 2] })).toBe('$.a: 1 items ≠ expected 2');
});
