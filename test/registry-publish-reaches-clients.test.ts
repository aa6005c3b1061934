import { RegistryClient } from '../schema/registry/cli/client';
import { supergraphVersion } from '../gateway/src/plugins/metrics';
import { postGraphQL } from './support/graphql-client';
import { readyz, RegistryStack, startRegistryStack, waitForVersion } from './support/registry-stack';
import { startWellbeingSubgraph, wellbeingScoreOf, wellbeingSdl, WellbeingSubgraph } from './support/wellbeing-subgraph';

// An agency publishes a subgraph that extends Citizen with a new field; the running gateway
// picks up the new supergraph from the registry and serves the field, without a restart. The
// gateway's usage reports then let a check name the operation a removal would break.

let stack: RegistryStack;
let wellbeing: WellbeingSubgraph;
let agency: RegistryClient;
let citizenIds: string[];

beforeAll(async () => {
  stack = await startRegistryStack();
  wellbeing = await startWellbeingSubgraph();
  await stack.registry.admin.createAgency('sldtbxh', 'Sở Lao động - Thương binh và Xã hội');
  agency = new RegistryClient(stack.registry.url, (await stack.registry.admin.issueAgencyToken('sldtbxh')).token);
  const res = await postGraphQL(stack.gatewayUrl, '{ citizens(first: 3) { edges { node { id } } } }');
  citizenIds = res.data.citizens.edges.map((e: { node: { id: string } }) => e.node.id);
});
afterAll(async () => {
  await stack?.stop();
  await wellbeing?.stop();
});

/** The `version` labels of `supergraph_info` the gateway exports now. */
async function servedVersionLabels(): Promise<string[]> {
  const text = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
  return [...text.matchAll(/^supergraph_info\{([^}]*)\} 1$/gm)].map((m) => /version="([^"]+)"/.exec(m[1])![1]);
}

/** The label the gateway must show for the registry's current supergraph. */
async function registryVersionLabel(): Promise<string> {
  return supergraphVersion((await stack.sotttt.current())!.supergraphSdl);
}

const WELLBEING = `query Wellbeing($id: ID!) { citizen(id: $id) { id wellbeingScore } }`;

test('the gateway starts on the registry\'s current version', async () => {
  const current = await stack.sotttt.versions();
  expect((await readyz(stack.gatewayUrl)).supergraph_version).toBe(current.currentVersion);
});

test('a published field reaches clients through the running gateway without a restart', async () => {
  const labelBefore = await registryVersionLabel();
  expect(await servedVersionLabels()).toEqual([labelBefore]);
  const before = await postGraphQL(stack.gatewayUrl, WELLBEING, { id: citizenIds[0] });
  expect(before.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

  const published = await agency.publish('wellbeing', { sdl: wellbeing.sdl, url: wellbeing.url });
  expect(published.status).toBe('published');
  if (published.status !== 'published') return;
  await waitForVersion(stack.gatewayUrl, published.version.version);

  for (const id of citizenIds) {
    const res = await postGraphQL(stack.gatewayUrl, WELLBEING, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data.citizen).toEqual({ id, wellbeingScore: wellbeingScoreOf(id) });
  }
  expect(wellbeing.requests()).toBeGreaterThan(0);
  // supergraph_info follows the supergraph served: only the new version's label remains.
  expect(await servedVersionLabels()).toEqual([await registryVersionLabel()]);
  expect(await servedVersionLabels()).not.toContain(labelBefore);
  // Same gateway process and URL as before: no restart.
  expect(stack.gateway.url).toBe(stack.gatewayUrl);
});

test('the gateway reports the operations it runs, so a check names the one a removal would break', async () => {
  const withoutScore = await wellbeingSdl(['wellbeingTrend']);
  const deadline = Date.now() + 20_000;
  let operations: string[] = [];
  while (Date.now() < deadline) {
    const report = await agency.check('wellbeing', withoutScore);
    expect(report.accepted).toBe(false);
    expect(report.changes.filter((c) => c.breaking).map((c) => c.coordinate)).toEqual(['Citizen.wellbeingScore']);
    operations = report.affectedOperations.map((o) => o.operationName ?? '');
    if (operations.includes('Wellbeing')) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(operations).toEqual(['Wellbeing']);
});
