import type { RunningGateway } from '../gateway/src/gateway';
import { createSubgraphAgent, RetryBudget, SubgraphDataSource } from '../gateway/src/subgraph-calls';
import { FaultProxy, startFaultProxy } from './support/fault-proxy';
import { baseOf, gatewayOver, startSubgraphs, Subgraphs } from './support/gateway-over';
import { postGraphQL } from './support/graphql-client';
import { eventually } from './support/processes';

// Point 1 of issue #8: retries with backoff for queries only (never mutations) within a retry
// budget, and a circuit breaker per subgraph: open after repeated failures (calls then cost
// nothing), one half-open probe after the reset time, closed again when the subgraph recovers.

let subgraphs: Subgraphs;
let proxy: FaultProxy;
let gateway: RunningGateway | undefined;
const agent = createSubgraphAgent();

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  proxy = await startFaultProxy(subgraphs.urls.business);
});
afterEach(async () => {
  await gateway?.stop();
  gateway = undefined;
  proxy.mode = 'pass';
  proxy.reset();
});
afterAll(async () => {
  await agent.close();
  await proxy?.close();
  await subgraphs?.stop();
});

/** What the gateway hands a data source for one fetch of an incoming operation of the given type. */
function fetchOf(operation: 'query' | 'mutation') {
  const query = operation === 'query' ? '{ business(taxCode: "3700100001") { name } }' : 'mutation { registerBusiness(name: "x") { taxCode } }';
  return {
    kind: 'incoming operation',
    request: { query, variables: {} },
    incomingRequestContext: { operation: { operation } },
    context: {},
  } as any;
}

function dataSource(options: { budget?: RetryBudget } = {}) {
  return new SubgraphDataSource({
    name: 'business',
    url: proxy.url,
    timeoutMs: 2_000,
    agent,
    maxRetries: 2,
    retryBudget: options.budget,
    // A breaker that never opens here: these tests count retries alone.
    breaker: { errorThresholdPercentage: 100, volumeThreshold: 1_000_000, resetTimeoutMs: 1_000 },
  });
}

describe('retries', () => {
  test.each([
    ['html-502', 'SUBGRAPH_BAD_RESPONSE'],
    ['reset', 'SUBGRAPH_UNAVAILABLE'],
  ] as const)('a query call that meets a retryable failure (%s) is tried again, twice at most', async (mode, code) => {
    proxy.mode = mode;
    const response = await dataSource().process(fetchOf('query'));
    expect(proxy.calls).toBe(3);
    expect(response.errors![0].extensions).toEqual(expect.objectContaining({ code, subgraph: 'business' }));
    expect(response.errors![0].path).toEqual(['business']);
  });

  test.each([['html-502'], ['reset']] as const)('a mutation call is never retried (%s)', async (mode) => {
    proxy.mode = mode;
    const response = await dataSource().process(fetchOf('mutation'));
    expect(proxy.calls).toBe(1);
    expect(response.errors![0].extensions).toEqual(expect.objectContaining({ subgraph: 'business' }));
    expect(response.errors![0].path).toEqual(['registerBusiness']);
  });

  test.each([['html-500'], ['invalid-json'], ['hang']] as const)('a query call that got %s is not retried (the subgraph may have run it)', async (mode) => {
    proxy.mode = mode;
    const source = new SubgraphDataSource({ name: 'business', url: proxy.url, timeoutMs: 200, agent, maxRetries: 2 });
    await source.process(fetchOf('query'));
    expect(proxy.calls).toBe(1);
  });

  test('retries stop when the budget (10 per window, or 20% of calls) is spent', async () => {
    proxy.mode = 'html-502';
    const source = dataSource({ budget: new RetryBudget(0.2, 10, 600_000) });
    for (let i = 0; i < 30; i += 1) await source.process(fetchOf('query'));
    // 30 calls want 60 retries; the budget allows max(10, 0.2 × 30) = 10.
    expect(proxy.calls).toBe(30 + 10);
  });

  test('through the gateway, a query meeting a 502 reaches the subgraph three times and still answers the other fields', async () => {
    proxy.mode = 'html-502';
    gateway = await gatewayOver(subgraphs, { subgraphUrls: { business: proxy.url } });
    const res = await postGraphQL(gateway.url, `{ business(taxCode: "3700100001") { name } sectors { code } }`);
    expect(res.data.sectors.length).toBeGreaterThan(0);
    expect(res.data.business).toBeNull();
    expect(proxy.calls).toBe(3);
  });
});

describe('circuit breaker', () => {
  const QUERY = `{ administrativeUnit(id: "721") { name businessStats { total } } }`;
  const code = (res: any) => res.errors?.[0]?.extensions?.code;
  const readyz = async () => (await fetch(`${baseOf(gateway!.url)}/readyz`)).json() as Promise<any>;

  test('opens after repeated failures, fails fast while open, probes once when half-open, closes on recovery', async () => {
    proxy.mode = 'hang';
    // Sharing off: the burst below is five identical public requests, and the breaker is about calls one by one.
    gateway = await gatewayOver(subgraphs, { subgraphUrls: { business: proxy.url }, subgraphTimeouts: { business: 200 }, breakerResetMs: 2_000, shareInFlight: false });

    // Closed: each call goes to the subgraph and times out, until the breaker opens.
    const codes: string[] = [];
    for (let i = 0; i < 20 && codes.at(-1) !== 'SUBGRAPH_CIRCUIT_OPEN'; i += 1) codes.push(code(await postGraphQL(gateway.url, QUERY)));
    expect(codes.at(-1)).toBe('SUBGRAPH_CIRCUIT_OPEN');
    expect(codes.slice(0, -1).every((c) => c === 'SUBGRAPH_TIMEOUT')).toBe(true);
    // Opening needs a volume of 5 calls: one failure alone does not open it.
    expect(codes.length).toBeGreaterThanOrEqual(6);
    const callsWhenOpened = proxy.calls;

    // Open: callers lose only the business fields, and the subgraph gets no call at all.
    const whileOpen = await Promise.all(Array.from({ length: 10 }, () => postGraphQL(gateway!.url, QUERY)));
    for (const res of whileOpen) {
      expect(res.data.administrativeUnit.name).toBe('Thành phố Bến Cát');
      expect(res.data.administrativeUnit.businessStats).toBeNull();
      expect(res.errors![0]).toEqual(expect.objectContaining({ path: ['administrativeUnit', 'businessStats'], extensions: expect.objectContaining({ code: 'SUBGRAPH_CIRCUIT_OPEN', subgraph: 'business' }) }));
    }
    expect(proxy.calls).toBe(callsWhenOpened);
    // Still ready: one dead subgraph must not take the gateway out of rotation.
    const readyResponse = await fetch(`${baseOf(gateway.url)}/readyz`);
    expect(readyResponse.status).toBe(200);
    expect(((await readyResponse.json()) as any).subgraphs.business).toEqual(expect.objectContaining({ circuit: 'open' }));
    const metrics = await (await fetch(`${baseOf(gateway.url)}/metrics`)).text();
    expect(metrics).toMatch(/subgraph_circuit_state\{[^}]*subgraph="business"[^}]*\} 2/);

    // Half-open while still failing: of a burst, exactly one call is let through as a probe; it fails, and the circuit opens again.
    await eventually(async () => ((await readyz()).subgraphs.business.circuit === 'half-open' ? true : undefined));
    const burst = await Promise.all(Array.from({ length: 5 }, () => postGraphQL(gateway!.url, QUERY)));
    expect(proxy.calls).toBe(callsWhenOpened + 1);
    expect(burst.map(code).sort()).toEqual(['SUBGRAPH_CIRCUIT_OPEN', 'SUBGRAPH_CIRCUIT_OPEN', 'SUBGRAPH_CIRCUIT_OPEN', 'SUBGRAPH_CIRCUIT_OPEN', 'SUBGRAPH_TIMEOUT']);
    expect((await readyz()).subgraphs.business.circuit).toBe('open');

    // Recovery: the next probe succeeds and closes the circuit; business fields are back.
    proxy.mode = 'pass';
    await eventually(async () => ((await readyz()).subgraphs.business.circuit === 'half-open' ? true : undefined));
    const recovered = await postGraphQL(gateway.url, QUERY);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data.administrativeUnit.businessStats.total).toBeGreaterThan(0);
    expect((await readyz()).subgraphs.business.circuit).toBe('closed');
    // One after another: five at once on a loaded CI machine can outlast the 200 ms limit by themselves.
    const after = [];
    for (let i = 0; i < 5; i += 1) after.push(await postGraphQL(gateway!.url, QUERY));
    for (const res of after) expect(res.errors).toBeUndefined();
  });

  test("a subgraph's BAD_USER_INPUT answers never open the circuit (only failures of the subgraph count)", async () => {
    gateway = await gatewayOver(subgraphs, { subgraphUrls: { business: proxy.url } });
    for (let i = 0; i < 12; i += 1) {
      const res = await postGraphQL(gateway.url, `{ business(taxCode: "123") { name } }`);
      expect(code(res)).toBe('BAD_USER_INPUT');
    }
    expect((await readyz()).subgraphs.business.circuit).toBe('closed');
  });
});
