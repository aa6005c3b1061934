import type { RunningGateway } from '../gateway/src/gateway';
import { FaultMode, FaultProxy, LEAKY_INTERNALS, startFaultProxy } from './support/fault-proxy';
import { gatewayOver, startSubgraphs, Subgraphs } from './support/gateway-over';
import { postGraphQL } from './support/graphql-client';

// Point 1 of issue #8: when one subgraph fails, the other subgraphs' fields are still
// served; the failing subgraph's fields are null, each with an error at its path that names
// the subgraph and carries a stable code, and nothing of the subgraph's internals.

const DASHBOARD = /* GraphQL */ `
  query Dashboard($taxCode: ID!) {
    business(taxCode: $taxCode) { name }
    administrativeUnit(id: "721") {
      name
      population
      businessStats { total active }
      dossierStats(from: "2023-01-01", to: "2023-12-31") { total }
      indicators { latest { value } }
    }
  }`;

let subgraphs: Subgraphs;
let proxy: FaultProxy;
let gateway: RunningGateway | undefined;
let taxCode: string;

beforeAll(async () => {
  subgraphs = await startSubgraphs();
  proxy = await startFaultProxy(subgraphs.urls.business);
  gateway = await gatewayOver(subgraphs);
  const first = await postGraphQL(gateway.url, `{ businesses(first: 1) { edges { node { taxCode } } } }`);
  taxCode = first.data.businesses.edges[0].node.taxCode;
  await gateway.stop();
});
afterEach(async () => {
  await gateway?.stop();
  gateway = undefined;
  proxy.mode = 'pass';
  proxy.reset();
});
afterAll(async () => {
  await proxy?.close();
  await subgraphs?.stop();
});

function expectNoInternals(errors: unknown, proxyUrl: string): void {
  const text = JSON.stringify(errors);
  for (const secret of [...LEAKY_INTERNALS, new URL(proxyUrl).host, '127.0.0.1', 'stacktrace', '<html', 'ECONN', 'undici']) {
    expect(text).not.toContain(secret);
  }
}

test('with every subgraph healthy the dashboard has no errors (the baseline the faults are compared to)', async () => {
  gateway = await gatewayOver(subgraphs, { subgraphUrls: { business: proxy.url } });
  const res = await postGraphQL(gateway.url, DASHBOARD, { taxCode });
  expect(res.errors).toBeUndefined();
  expect(res.data.business.name).toEqual(expect.any(String));
  expect(res.data.administrativeUnit.businessStats.total).toBeGreaterThan(0);
});

test.each<[FaultMode | 'refused', string]>([
  ['hang', 'SUBGRAPH_TIMEOUT'],
  ['refused', 'SUBGRAPH_UNAVAILABLE'],
  ['reset', 'SUBGRAPH_UNAVAILABLE'],
  ['invalid-json', 'SUBGRAPH_BAD_RESPONSE'],
  ['wrong-content-type', 'SUBGRAPH_BAD_RESPONSE'],
  ['html-500', 'SUBGRAPH_BAD_RESPONSE'],
  ['html-502', 'SUBGRAPH_BAD_RESPONSE'],
  ['not-graphql', 'SUBGRAPH_BAD_RESPONSE'],
  ['endless', 'SUBGRAPH_BAD_RESPONSE'],
])('when the business subgraph is %s, the other fields are served and its own are null with %s at their paths', async (mode, code) => {
  // A port nothing listens on: a proxy that was closed.
  const refused = mode === 'refused' ? await startFaultProxy(subgraphs.urls.business) : undefined;
  await refused?.close();
  const businessUrl = refused ? refused.url : proxy.url;
  if (mode !== 'refused') proxy.mode = mode;
  gateway = await gatewayOver(subgraphs, { subgraphUrls: { business: businessUrl }, subgraphTimeouts: { business: mode === 'hang' ? 300 : 10_000 } });

  const res = await postGraphQL(gateway.url, DASHBOARD, { taxCode });
  expect(res.status).toBe(200);
  const unit = res.data.administrativeUnit;
  expect(unit.name).toBe('Thành phố Bến Cát');
  expect(unit.population).toBeGreaterThan(0);
  expect(unit.dossierStats.total).toBeGreaterThan(0);
  expect(unit.indicators.length).toBeGreaterThan(0);
  expect(unit.businessStats).toBeNull();
  expect(res.data.business).toBeNull();

  const paths = res.errors!.map((e) => e.path);
  expect(paths).toEqual(expect.arrayContaining([['business'], ['administrativeUnit', 'businessStats']]));
  expect(paths).toHaveLength(2);
  for (const error of res.errors!) {
    expect(error.extensions).toEqual(expect.objectContaining({ code, subgraph: 'business' }));
    expect(error.message).toContain('business subgraph');
  }
  expectNoInternals(res.errors, businessUrl);
});

test('a failure inside a list puts one error at each element of the list', async () => {
  proxy.mode = 'html-500';
  gateway = await gatewayOver(subgraphs, { subgraphUrls: { business: proxy.url } });
  const res = await postGraphQL(gateway.url, `{ administrativeUnits(level: DISTRICT) { id name businessStats { total } } }`);
  const units = res.data.administrativeUnits;
  expect(units).toHaveLength(9);
  for (const unit of units) {
    expect(unit.name).toEqual(expect.any(String));
    expect(unit.businessStats).toBeNull();
  }
  const paths = res.errors!.map((e) => JSON.stringify(e.path));
  expect(paths.sort()).toEqual(units.map((_: unknown, i: number) => JSON.stringify(['administrativeUnits', i, 'businessStats'])).sort());
  for (const error of res.errors!) expect(error.extensions).toEqual(expect.objectContaining({ code: 'SUBGRAPH_BAD_RESPONSE', subgraph: 'business' }));
});

test("a subgraph's own GraphQL errors still reach the client (they are answers, not failures)", async () => {
  gateway = await gatewayOver(subgraphs, { subgraphUrls: { business: proxy.url } });
  const res = await postGraphQL(gateway.url, `{ business(taxCode: "123") { name } administrativeUnit(id: "721") { name } }`);
  expect(res.data.administrativeUnit.name).toBe('Thành phố Bến Cát');
  expect(res.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors![0].path).toEqual(['business']);
});
