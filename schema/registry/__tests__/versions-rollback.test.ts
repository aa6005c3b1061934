import { createHash } from 'node:crypto';
import { BUILT_IN_SUBGRAPHS } from '../../../subgraphs/catalog';
import { RegistryClient, RegistryClientError } from '../cli/client';
import { agencyClient, publishBuiltIns, startTestRegistry, TestRegistry } from '../../../test/support/registry';
import { healthSdl, oneFieldSdl } from './fixtures';

// Versions are immutable, numbered, hashed and attributed; rollback makes an earlier one current
// again; gateways follow the current version with a long-poll.

const HEALTH_URL = 'http://127.0.0.1:9/health/graphql';
let registry: TestRegistry;
let sotttt: RegistryClient;
let soyte: RegistryClient;
let gateway: RegistryClient;

beforeAll(async () => {
  registry = await startTestRegistry();
  sotttt = await publishBuiltIns(registry);
  soyte = await agencyClient(registry, 'soyte', 'Sở Y tế');
  gateway = new RegistryClient(registry.url, (await registry.admin.issueGatewayToken({ label: 'test' })).token);
});
afterAll(async () => {
  await registry?.stop();
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

test('every accepted publish yields a new version: number, hash of its SDL, time, author and change summary', async () => {
  const before = await soyte.versions();
  const result = await soyte.publish('health', { sdl: healthSdl(), url: HEALTH_URL });
  expect(result.status).toBe('published');
  if (result.status !== 'published') return;
  const version = result.version;
  expect(version.version).toBe((before.currentVersion ?? 0) + 1);
  expect(version.author).toBe('soyte');
  expect(version.subgraph).toBe('health');
  expect(Date.parse(version.createdAt)).toBeGreaterThan(Date.now() - 60_000);
  expect(version.summary).toMatch(/^health: new subgraph; \d+ additions$/);
  expect(version.changes.map((c) => c.coordinate)).toEqual(expect.arrayContaining(['Citizen.vaccinations', 'Vaccination', 'Query.vaccination']));
  const full = await soyte.version(version.version);
  expect(full.hash).toBe(sha256(full.supergraphSdl));
  expect(full.supergraphSdl).toContain('type Vaccination');
  expect(full.subgraphs.map((s) => s.name)).toEqual([...BUILT_IN_SUBGRAPHS, 'health'].sort());
});

test('publishing the same schema and URL again yields no new version', async () => {
  const before = (await soyte.versions()).currentVersion;
  const again = await soyte.publish('health', { sdl: healthSdl(), url: HEALTH_URL });
  expect(again.status).toBe('unchanged');
  expect((await soyte.versions()).currentVersion).toBe(before);
});

test('history records who published what, when, and what changed', async () => {
  await soyte.publish('health', { sdl: healthSdl({ extraVaccinationFields: '"""Batch number."""\n  batch: String' }) });
  const history = await soyte.history('health');
  expect(history.agency).toBe('soyte');
  expect(history.publishes).toHaveLength(2);
  const [latest, first] = history.publishes;
  expect(latest).toMatchObject({ agency: 'soyte', tokenLabel: 'test', url: HEALTH_URL, forced: false, summary: 'health: 1 addition' });
  expect(latest.changes).toEqual([expect.objectContaining({ kind: 'FIELD_ADDED', coordinate: 'Vaccination.batch', breaking: false })]);
  expect(latest.version).toBeGreaterThan(first.version);
  expect(latest.publishedAt >= first.publishedAt).toBe(true);
});

test('rollback makes an earlier version current again; versions themselves never change', async () => {
  const { versions, currentVersion } = await soyte.versions();
  const target = versions.find((v) => v.version === BUILT_IN_SUBGRAPHS.length)!; // the built-ins, before health existed
  const targetBefore = await soyte.version(target.version);
  const result = await registry.admin.rollback(target.version);
  expect(result.status).toBe('rolled-back');
  expect(result.previousVersion).toBe(currentVersion);
  expect(result.changes.filter((c) => c.breaking).map((c) => [c.kind, c.coordinate])).toEqual(expect.arrayContaining([['TYPE_REMOVED', 'Vaccination'], ['FIELD_REMOVED', 'Citizen.vaccinations']]));
  const current = await gateway.current();
  expect(current!.version).toBe(target.version);
  expect(current!.supergraphSdl).toBe(targetBefore.supergraphSdl);
  expect(current!.supergraphSdl).not.toContain('Vaccination');
  expect((await soyte.version(target.version)).hash).toBe(targetBefore.hash);
  // Listing marks the current one and keeps every later version.
  const after = await soyte.versions();
  expect(after.currentVersion).toBe(target.version);
  expect(after.versions.length).toBe(versions.length);
  expect((await soyte.listSubgraphs()).subgraphs.find((s) => s.name === 'health')).toMatchObject({ inCurrentVersion: false, url: null });
  // Roll forward again to where we were; both changes are on record.
  await registry.admin.rollback(currentVersion!);
  expect((await gateway.current())!.version).toBe(currentVersion);
  const { body } = await gateway.request<{ rollouts: { actor: string; reason: string; version: number; previousVersion: number }[] }>('GET', '/supergraph/rollouts?limit=2');
  expect(body.rollouts).toEqual([
    expect.objectContaining({ actor: 'admin', reason: 'rollback', version: currentVersion, previousVersion: target.version }),
    expect.objectContaining({ actor: 'admin', reason: 'rollback', version: target.version, previousVersion: currentVersion }),
  ]);
});

test("an agency may roll back only its own subgraphs' changes", async () => {
  const { versions, currentVersion } = await soyte.versions();
  const beforeHealth = BUILT_IN_SUBGRAPHS.length;
  const lastHealthOnly = versions.find((v) => v.version === currentVersion! - 1 && v.subgraph === 'health')!.version;
  // Back one health publish: only health differs.
  expect((await soyte.rollback(lastHealthOnly)).status).toBe('rolled-back');
  await soyte.rollback(currentVersion!);
  // sotttt publishes something; now going back also changes sotttt's subgraph.
  await sotttt.publish('sotttt-extra', { sdl: oneFieldSdl('extraCount'), url: 'http://127.0.0.1:9/extra/graphql' });
  const error = await soyte.rollback(beforeHealth).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(RegistryClientError);
  expect((error as RegistryClientError).status).toBe(403);
  expect((error as RegistryClientError).message).toContain('sotttt-extra (sotttt)');
  expect((await soyte.rollback(99_999).catch((e: RegistryClientError) => e)) as RegistryClientError).toMatchObject({ status: 404 });
});

test('a long-poll answers as soon as the current version changes, and 304 when it does not', async () => {
  const { currentVersion } = await soyte.versions();
  const unchanged = await gateway.request('GET', `/supergraph?after=${currentVersion}&wait=1`, undefined, [200, 304]);
  expect(unchanged.status).toBe(304);

  const waiting = gateway.request<{ version: number }>('GET', `/supergraph?after=${currentVersion}&wait=30`, undefined, [200, 304]);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const published = await soyte.publish('health', { sdl: healthSdl({ extraVaccinationFields: '"""Batch number."""\n  batch: String\n  """Site."""\n  site: String' }) });
  expect(published.status).toBe('published');
  const answer = await waiting;
  expect(answer.status).toBe(200);
  expect(answer.body.version).toBe(currentVersion! + 1);

  // `after` naming an older version answers at once with the current one.
  const behind = await gateway.request<{ version: number }>('GET', `/supergraph?after=1&wait=30`, undefined, [200, 304]);
  expect(behind.body.version).toBe(currentVersion! + 1);
});
