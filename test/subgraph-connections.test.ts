import { postGraphQL } from './support/graphql-client';
import { proxiedSubgraph } from './support/proxied-subgraph';

// SUBGRAPH_CONNECTIONS: the gateway has at most that many calls in flight to one subgraph; the
// others wait in the gateway's queue, and every one is answered. The indicators subgraph is real
// and reached over HTTP through a proxy that holds each call 300 ms and counts how many it holds
// at once.

const QUERY = `{ sectors { code name } }`;
const REQUESTS = 6;

const stack = proxiedSubgraph('indicators', 'delay', 300);

test.each([
  [2, 2],
  [REQUESTS, REQUESTS],
])('with %i connections per subgraph, %i calls at most reach the subgraph at once, and all requests are answered', async (connections, peak) => {
  // Sharing off: each request makes its own call, so the calls' concurrency is the requests'.
  const gateway = await stack.startGateway({ subgraphConnections: connections, shareInFlight: false });
  const answers = await Promise.all(Array.from({ length: REQUESTS }, () => postGraphQL(gateway.url, QUERY)));

  for (const answer of answers) {
    expect(answer.errors).toBeUndefined();
    expect(answer.data.sectors.length).toBeGreaterThan(0);
  }
  expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
  expect(stack.proxy.calls).toBe(REQUESTS);
  expect(stack.proxy.peakPending).toBe(peak);
});
