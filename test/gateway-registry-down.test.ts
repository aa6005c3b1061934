import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RegistryClient } from '../schema/registry/cli/client';
import { RunningRegistry, startRegistry } from '../schema/registry/server';
import { postGraphQL } from './support/graphql-client';
import { SUPERGRAPH_PATH } from './support/processes';
import { readyz, RegistryStack, startRegistryStack, waitForVersion } from './support/registry-stack';
import { startWellbeingSubgraph, wellbeingScoreOf, wellbeingTrendOf, wellbeingSdl, WellbeingSubgraph } from './support/wellbeing-subgraph';

// The registry is not on the request path: when it is down, a running gateway keeps serving
// its supergraph and catches up when the registry is back; a gateway starting while it is down
// serves the last good supergraph from its data folder, or else the committed one (which it
// never writes).

let stack: RegistryStack;
let wellbeing: WellbeingSubgraph;
let agency: RegistryClient;
let citizenId: string;
let restarted: RunningRegistry | undefined;
const committedHash = createHash('sha256').update(readFileSync(SUPERGRAPH_PATH)).digest('hex');

beforeAll(async () => {
  stack = await startRegistryStack();
  wellbeing = await startWellbeingSubgraph({ fields: ['wellbeingScore', 'wellbeingTrend'] });
  await stack.registry.admin.createAgency('sldtbxh', 'Sở Lao động - Thương binh và Xã hội');
  agency = new RegistryClient(stack.registry.url, (await stack.registry.admin.issueAgencyToken('sldtbxh')).token);
  citizenId = (await postGraphQL(stack.gatewayUrl, '{ citizens(first: 1) { edges { node { id } } } }')).data.citizens.edges[0].node.id;
  const published = await agency.publish('wellbeing', { sdl: await wellbeingSdl(['wellbeingScore']), url: wellbeing.url });
  if (published.status !== 'published') throw new Error(published.report.summary);
  await waitForVersion(stack.gatewayUrl, published.version.version);
});
afterAll(async () => {
  await restarted?.stop();
  await stack?.stop();
  await wellbeing?.stop();
});

const SCORE = `query Score($id: ID!) { citizen(id: $id) { id wellbeingScore } }`;
const TREND = `query Trend($id: ID!) { citizen(id: $id) { id wellbeingTrend } }`;

test('a running gateway keeps serving while the registry is down, and follows it again when it is back', async () => {
  const served = (await readyz(stack.gatewayUrl)).supergraph_version!;
  await stack.registry.running.stop();
  for (let i = 0; i < 20; i += 1) {
    const res = await postGraphQL(stack.gatewayUrl, SCORE, { id: citizenId });
    expect(res.errors).toBeUndefined();
    expect(res.data.citizen.wellbeingScore).toBe(wellbeingScoreOf(citizenId));
  }
  expect((await readyz(stack.gatewayUrl)).supergraph_version).toBe(served);

  // Back on the same address and database; a publish made now reaches the gateway (it polls while the registry is away).
  restarted = await startRegistry({ ...stack.registry.config, port: stack.registry.running.port });
  const next = await agency.publish('wellbeing', { sdl: await wellbeingSdl(['wellbeingScore', 'wellbeingTrend']) });
  if (next.status !== 'published') throw new Error(next.report.summary);
  await waitForVersion(stack.gatewayUrl, next.version.version);
  const trend = await postGraphQL(stack.gatewayUrl, TREND, { id: citizenId });
  expect(trend.data.citizen.wellbeingTrend).toBe(wellbeingTrendOf(citizenId));
});

test('a gateway starting while the registry is down serves the last good supergraph from its data folder', async () => {
  const lastVersion = (await readyz(stack.gatewayUrl)).supergraph_version;
  expect(existsSync(path.join(stack.stateDir, 'last-good-supergraph.graphql'))).toBe(true);
  await restarted!.stop();
  restarted = undefined;
  const gateway = await stack.startGateway({ registry: { url: stack.registry.url, token: stack.gatewayToken, stateDir: stack.stateDir, retryIntervalMs: 200, longPollSeconds: 5, healthCheck: false, usageReportIntervalMs: 200 } });
  expect((await readyz(gateway.url)).supergraph_version).toBe(lastVersion);
  // The agency's field too: its routing URL and signing secret were saved with the supergraph.
  const res = await postGraphQL(gateway.url, TREND, { id: citizenId });
  expect(res.errors).toBeUndefined();
  expect(res.data.citizen.wellbeingTrend).toBe(wellbeingTrendOf(citizenId));
});

test('with nothing saved either, it serves the committed supergraph, and never writes it', async () => {
  const emptyState = mkdtempSync(path.join(os.tmpdir(), 'bdg-gateway-empty-'));
  try {
    const gateway = await stack.startGateway({
      registry: { url: stack.registry.url, token: stack.gatewayToken, stateDir: emptyState, retryIntervalMs: 200, longPollSeconds: 5, healthCheck: false, usageReportIntervalMs: 200 },
      // What an operator sets when the registry cannot tell: where the subgraphs are, and their secrets.
      subgraphUrls: Object.fromEntries(stack.subgraphs.map((s) => [s.name, s.url])),
      subgraphSigningSecrets: stack.signingSecrets,
    });
    expect((await readyz(gateway.url)).supergraph_version).toBeNull();
    const res = await postGraphQL(gateway.url, `query($id: ID!) { citizen(id: $id) { id } administrativeUnit(id: "721") { name businessStats { total } } }`, { id: citizenId });
    expect(res.errors).toBeUndefined();
    expect(res.data.citizen.id).toBe(citizenId);
    expect(res.data.administrativeUnit.name).toBe('Thành phố Bến Cát');
    // The committed supergraph has no agency fields.
    expect((await postGraphQL(gateway.url, SCORE, { id: citizenId })).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(existsSync(path.join(emptyState, 'last-good-supergraph.graphql'))).toBe(false);
  } finally {
    rmSync(emptyState, { recursive: true, force: true });
  }
  expect(createHash('sha256').update(readFileSync(SUPERGRAPH_PATH)).digest('hex')).toBe(committedHash);
});
