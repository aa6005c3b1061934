import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { EntityBatches } from '../entity-batches';

type Rep = { __typename: string; upc: string };
const rep = (upc: string): Rep => ({ __typename: 'Product', upc });

/** A subgraph that answers each representation with its upc and name, recording what it was sent. */
function fakeSubgraph(answer?: (sent: Rep[]) => GatewayGraphQLResponse) {
  const calls: Rep[][] = [];
  const send = async (sent: Record<string, any>[]) => {
    calls.push(sent as Rep[]);
    return answer ? answer(sent as Rep[]) : { data: { _entities: sent.map((r) => ({ upc: r.upc, name: `P${r.upc}` })) } };
  };
  return { calls, send };
}

test('fetches issued in the same turn with the same key go as one call, each representation once, and each gets its own entities back', async () => {
  const batches = new EntityBatches();
  const subgraph = fakeSubgraph();
  const [a, b, other] = await Promise.all([
    batches.call({ key: 'products/op', representations: [rep('1'), rep('2'), rep('1')], send: subgraph.send }),
    batches.call({ key: 'products/op', representations: [rep('2'), rep('3')], send: subgraph.send }),
    batches.call({ key: 'inventory/op', representations: [rep('1')], send: subgraph.send }),
  ]);
  expect(subgraph.calls).toEqual([[rep('1'), rep('2'), rep('3')], [rep('1')]]);
  expect(a.data).toEqual({ _entities: [{ upc: '1', name: 'P1' }, { upc: '2', name: 'P2' }, { upc: '1', name: 'P1' }] });
  expect(b.data).toEqual({ _entities: [{ upc: '2', name: 'P2' }, { upc: '3', name: 'P3' }] });
  expect(other.data).toEqual({ _entities: [{ upc: '1', name: 'P1' }] });
});

test('fetches in different turns are separate calls', async () => {
  const batches = new EntityBatches();
  const subgraph = fakeSubgraph();
  await batches.call({ key: 'k', representations: [rep('1')], send: subgraph.send });
  await batches.call({ key: 'k', representations: [rep('1')], send: subgraph.send });
  expect(subgraph.calls).toHaveLength(2);
});

const nextTurns = async (n: number) => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

test('a fetch waits while another call of the request is in flight, then goes with the fetches issued meanwhile', async () => {
  const batches = new EntityBatches();
  const subgraph = fakeSubgraph();
  let answerRoot!: () => void;
  const root = batches.track(new Promise<void>((resolve) => (answerRoot = resolve)));
  const early = batches.call({ key: 'k', representations: [rep('1')], send: subgraph.send });
  await nextTurns(5);
  expect(subgraph.calls).toEqual([]);
  // Another branch reaches the same fetch later (a slower branch of the same stage).
  const late = batches.call({ key: 'k', representations: [rep('2'), rep('1')], send: subgraph.send });
  answerRoot();
  await root;
  const [a, b] = await Promise.all([early, late]);
  expect(subgraph.calls).toEqual([[rep('1'), rep('2')]]);
  expect(a.data).toEqual({ _entities: [{ upc: '1', name: 'P1' }] });
  expect(b.data).toEqual({ _entities: [{ upc: '2', name: 'P2' }, { upc: '1', name: 'P1' }] });
});

test('a sent batch holds the fetches issued meanwhile; a failed call releases them too', async () => {
  const batches = new EntityBatches();
  let answer!: (response: GatewayGraphQLResponse) => void;
  const calls: string[] = [];
  const first = batches.call({
    key: 'products',
    representations: [rep('1')],
    send: (sent) => {
      calls.push(`products ${sent.length}`);
      return new Promise((resolve) => (answer = resolve));
    },
  });
  await nextTurns(2);
  expect(calls).toEqual(['products 1']);
  const inventory = fakeSubgraph();
  const waiting = batches.call({ key: 'inventory', representations: [rep('1')], send: inventory.send });
  await nextTurns(5);
  expect(inventory.calls).toEqual([]);
  answer({ data: { _entities: [{ upc: '1' }] } });
  await Promise.all([first, waiting]);
  expect(inventory.calls).toEqual([[rep('1')]]);

  const failed = batches.track(Promise.reject(new Error('subgraph down')));
  const after = batches.call({ key: 'inventory', representations: [rep('2')], send: inventory.send });
  await expect(failed).rejects.toThrow('subgraph down');
  await after;
  expect(inventory.calls).toEqual([[rep('1')], [rep('2')]]);
});

test('errors at a representation go to every fetch that asked for it, re-indexed; other errors to the first fetch only', async () => {
  const batches = new EntityBatches();
  const subgraph = fakeSubgraph((sent) => ({
    data: { _entities: sent.map((r) => (r.upc === '2' ? null : { upc: r.upc })) },
    errors: [
      { message: 'no product 2', path: ['_entities', 1, 'name'], extensions: { code: 'NOT_FOUND' } },
      { message: 'slow today' },
    ] as any,
  }));
  const [a, b] = await Promise.all([
    batches.call({ key: 'k', representations: [rep('1'), rep('2')], send: subgraph.send }),
    batches.call({ key: 'k', representations: [rep('2'), rep('2'), rep('3')], send: subgraph.send }),
  ]);
  expect(a.errors).toEqual([
    { message: 'no product 2', path: ['_entities', 1, 'name'], extensions: { code: 'NOT_FOUND' } },
    { message: 'slow today' },
  ]);
  expect(b.errors).toEqual([
    { message: 'no product 2', path: ['_entities', 0, 'name'], extensions: { code: 'NOT_FOUND' } },
    { message: 'no product 2', path: ['_entities', 1, 'name'], extensions: { code: 'NOT_FOUND' } },
  ]);
  expect(b.data).toEqual({ _entities: [null, null, { upc: '3' }] });
});

test('a fetch alone with distinct representations gets the response as the subgraph sent it', async () => {
  const batches = new EntityBatches();
  const response = { data: { _entities: [{ upc: '1' }] }, errors: [{ message: 'x', path: ['_entities', 0] }] as any };
  const got = await batches.call({ key: 'k', representations: [rep('1')], send: async () => response });
  expect(got).toBe(response);
});

test('a wrong number of entities is left for each fetch to report; a failed call fails every fetch of it', async () => {
  const batches = new EntityBatches();
  const short = fakeSubgraph(() => ({ data: { _entities: [{ upc: '1' }] } }));
  const [a] = await Promise.all([
    batches.call({ key: 'k', representations: [rep('1'), rep('2')], send: short.send }),
    batches.call({ key: 'k', representations: [rep('2')], send: short.send }),
  ]);
  expect(a.data).toEqual({ _entities: [{ upc: '1' }] });

  const failing = async () => Promise.reject(new Error('connection refused'));
  const results = await Promise.allSettled([
    batches.call({ key: 'f', representations: [rep('1')], send: failing }),
    batches.call({ key: 'f', representations: [rep('2')], send: failing }),
  ]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
});
