import { ExitCode, runCli } from '../schema/registry/cli/main';
import { RegistryClient } from '../schema/registry/cli/client';
import { postGraphQL } from './support/graphql-client';
import { readyz, RegistryStack, startRegistryStack, waitForVersion } from './support/registry-stack';
import { startWellbeingSubgraph, wellbeingScoreOf, WellbeingSubgraph } from './support/wellbeing-subgraph';

// `bdg supergraph rollback VERSION` makes an earlier version current; the running gateway
// follows: the rolled-back field disappears for clients, everything else keeps working, and
// rolling forward brings it back.

let stack: RegistryStack;
let wellbeing: WellbeingSubgraph;
let agencyToken: string;
let citizenId: string;

beforeAll(async () => {
  stack = await startRegistryStack();
  wellbeing = await startWellbeingSubgraph();
  await stack.registry.admin.createAgency('sldtbxh', 'Sở Lao động - Thương binh và Xã hội');
  agencyToken = (await stack.registry.admin.issueAgencyToken('sldtbxh')).token;
  citizenId = (await postGraphQL(stack.gatewayUrl, '{ citizens(first: 1) { edges { node { id } } } }')).data.citizens.edges[0].node.id;
});
afterAll(async () => {
  await stack?.stop();
  await wellbeing?.stop();
});

const QUERY = `query Profile($id: ID!) { citizen(id: $id) { id wellbeingScore } administrativeUnit(id: "721") { name } }`;

async function bdg(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(args, { env: { REGISTRY_URL: stack.registry.url, REGISTRY_TOKEN: agencyToken }, out: (t) => (out += t), err: (t) => (out += t) });
  return { code, out };
}

test('rolling back removes the field for clients; rolling forward brings it back', async () => {
  const before = (await new RegistryClient(stack.registry.url, agencyToken).versions()).currentVersion!;
  const published = await new RegistryClient(stack.registry.url, agencyToken).publish('wellbeing', { sdl: wellbeing.sdl, url: wellbeing.url });
  if (published.status !== 'published') throw new Error(published.report.summary);
  await waitForVersion(stack.gatewayUrl, published.version.version);
  expect((await postGraphQL(stack.gatewayUrl, QUERY, { id: citizenId })).data.citizen.wellbeingScore).toBe(wellbeingScoreOf(citizenId));

  // The agency rolls back its own publish.
  const back = await bdg(['supergraph', 'rollback', String(before)]);
  expect(back.code).toBe(ExitCode.OK);
  expect(back.out).toContain(`supergraph version ${before}`);
  await waitForVersion(stack.gatewayUrl, before);
  const gone = await postGraphQL(stack.gatewayUrl, QUERY, { id: citizenId });
  expect(gone.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(gone.errors?.[0]?.message).toContain('wellbeingScore');
  const rest = await postGraphQL(stack.gatewayUrl, `{ administrativeUnit(id: "721") { name } }`);
  expect(rest.data.administrativeUnit.name).toBe('Thành phố Bến Cát');
  expect((await readyz(stack.gatewayUrl)).supergraph_version).toBe(before);

  // Forward again: the same immutable version becomes current.
  expect((await bdg(['supergraph', 'rollback', String(published.version.version)])).code).toBe(ExitCode.OK);
  await waitForVersion(stack.gatewayUrl, published.version.version);
  const back2 = await postGraphQL(stack.gatewayUrl, QUERY, { id: citizenId });
  expect(back2.errors).toBeUndefined();
  expect(back2.data.citizen.wellbeingScore).toBe(wellbeingScoreOf(citizenId));
});
