import type { FetchNode } from '@apollo/query-planner';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, OperationTypeNode } from 'graphql';
import { EntityBatches } from '../entity-batches';
import { flatEntitySelection } from '../flat-entity-selection';

const keyRequires = [{ kind: Kind.INLINE_FRAGMENT, typeCondition: 'Product', selections: [{ kind: Kind.FIELD, name: 'upc' }] }] as FetchNode['requires'];

function fetchNode(operation: string, requires: FetchNode['requires'] = keyRequires, serviceName = 'inventory'): FetchNode {
  return { kind: 'Fetch', serviceName, operation, operationName: undefined, operationKind: OperationTypeNode.QUERY, requires };
}

const entitiesOperation = (selection: string) => `query($representations:[_Any!]!){_entities(representations:$representations){${selection}}}`;

describe('flatEntitySelection', () => {
  test('names the leaf fields an entity fetch selects on each type', () => {
    const selection = flatEntitySelection(fetchNode(entitiesOperation('__typename ...on Product{inStock shippingEstimate} ...on User{name}')));
    expect(selection?.typename).toBe(true);
    expect(Object.fromEntries(selection!.fieldsByType)).toEqual({ Product: ['inStock', 'shippingEstimate'], User: ['name'] });
  });

  test.each([
    ['an alias', '...on Product{stock: inStock}'],
    ['an argument', '...on Product{price(currency: "VND")}'],
    ['a directive', '...on Product{inStock @include(if: true)}'],
    ['a sub-selection', '...on Product{reviews{id}}'],
    ['a fragment spread', '...P'],
  ])('is undefined for a selection with %s (such a fetch is always sent)', (_what, selection) => {
    const operation = `${entitiesOperation(selection)}${selection === '...P' ? 'fragment P on Product{inStock}' : ''}`;
    expect(flatEntitySelection(fetchNode(operation))).toBeUndefined();
  });

  test('is undefined for a root fetch (no representations) and for a mutation', () => {
    expect(flatEntitySelection(fetchNode('{topProducts{upc}}', undefined))).toBeUndefined();
    expect(flatEntitySelection(fetchNode(`mutation($representations:[_Any!]!){_entities(representations:$representations){...on Product{inStock}}}`))).toBeUndefined();
  });
});

/** A subgraph that answers each product with its upc-derived fields, recording every call. */
function inventory(answer?: (sent: Record<string, any>[]) => GatewayGraphQLResponse) {
  const calls: Record<string, any>[][] = [];
  return {
    calls,
    send: async (sent: Record<string, any>[]) => {
      calls.push(sent);
      return answer ? answer(sent) : { data: { _entities: sent.map((r) => ({ inStock: r.upc !== '2', shippingEstimate: r.weight / 2 })) } };
    },
  };
}

const both = flatEntitySelection(fetchNode(entitiesOperation('...on Product{inStock shippingEstimate}')))!;
const estimate = flatEntitySelection(fetchNode(entitiesOperation('...on Product{shippingEstimate}')))!;
const estimateOfOther = flatEntitySelection(fetchNode(entitiesOperation('...on Product{shippingEstimate}'), keyRequires, 'other'))!;

test('a later fetch of fields the subgraph already answered for the same representations makes no call, whatever the order of their fields', async () => {
  const batches = new EntityBatches();
  const subgraph = inventory();
  const first = await batches.call({ key: 'inventory/both', recallable: both, send: subgraph.send, representations: [{ __typename: 'Product', upc: '1', price: 899, weight: 100 }, { __typename: 'Product', upc: '2', price: 15, weight: 20 }] });
  expect(first.data).toEqual({ _entities: [{ inStock: true, shippingEstimate: 50 }, { inStock: false, shippingEstimate: 10 }] });
  const later = await batches.call({ key: 'inventory/estimate', recallable: estimate, send: subgraph.send, representations: [{ __typename: 'Product', weight: 20, price: 15, upc: '2' }, { __typename: 'Product', price: 899, weight: 100, upc: '1' }] });
  expect(later).toEqual({ data: { _entities: [{ shippingEstimate: 10 }, { shippingEstimate: 50 }] } });
  expect(subgraph.calls).toHaveLength(1);
});

test('a fetch is sent when any representation or field was not answered before, or was answered by another subgraph', async () => {
  const batches = new EntityBatches();
  const subgraph = inventory();
  const rep = { __typename: 'Product', upc: '1', price: 899, weight: 100 };
  await batches.call({ key: 'inventory/estimate', recallable: estimate, send: subgraph.send, representations: [rep] });
  // inStock was not selected before.
  await batches.call({ key: 'inventory/both', recallable: both, send: subgraph.send, representations: [rep] });
  // Other @requires values make another representation.
  await batches.call({ key: 'inventory/estimate', recallable: estimate, send: subgraph.send, representations: [rep, { ...rep, weight: 300 }] });
  // What inventory answered says nothing of another subgraph.
  await batches.call({ key: 'other/estimate', recallable: estimateOfOther, send: subgraph.send, representations: [rep] });
  // A fetch that is not recallable always calls.
  await batches.call({ key: 'inventory/estimate', send: subgraph.send, representations: [rep] });
  expect(subgraph.calls.map((sent) => sent.length)).toEqual([1, 1, 2, 1, 1]);
});

test('an answer with errors, or with a null entity, is not remembered', async () => {
  const batches = new EntityBatches();
  const failing = inventory((sent) => ({ data: { _entities: sent.map(() => ({ shippingEstimate: 1 })) }, errors: [{ message: 'partial', path: ['_entities', 0] }] as GatewayGraphQLResponse['errors'] }));
  const rep = { __typename: 'Product', upc: '1', price: 899, weight: 100 };
  await batches.call({ key: 'inventory/estimate', recallable: estimate, send: failing.send, representations: [rep] });
  await batches.call({ key: 'inventory/estimate', recallable: estimate, send: failing.send, representations: [rep] });
  expect(failing.calls).toHaveLength(2);

  const missing = inventory((sent) => ({ data: { _entities: sent.map(() => null) } }));
  await batches.call({ key: 'inventory/both', recallable: both, send: missing.send, representations: [rep] });
  await batches.call({ key: 'inventory/both', recallable: both, send: missing.send, representations: [rep] });
  expect(missing.calls).toHaveLength(2);
});

test('a null field value is an answer like any other', async () => {
  const batches = new EntityBatches();
  const subgraph = inventory((sent) => ({ data: { _entities: sent.map(() => ({ inStock: null, shippingEstimate: null })) } }));
  const rep = { __typename: 'Product', upc: '9', price: 1, weight: 1 };
  await batches.call({ key: 'inventory/both', recallable: both, send: subgraph.send, representations: [rep] });
  expect(await batches.call({ key: 'inventory/estimate', recallable: estimate, send: subgraph.send, representations: [rep] })).toEqual({ data: { _entities: [{ shippingEstimate: null }] } });
  expect(subgraph.calls).toHaveLength(1);
});

test('each request remembers only its own answers', async () => {
  const subgraph = inventory();
  const rep = { __typename: 'Product', upc: '1', price: 899, weight: 100 };
  await new EntityBatches().call({ key: 'inventory/both', recallable: both, send: subgraph.send, representations: [rep] });
  await new EntityBatches().call({ key: 'inventory/estimate', recallable: estimate, send: subgraph.send, representations: [rep] });
  expect(subgraph.calls).toHaveLength(2);
});
