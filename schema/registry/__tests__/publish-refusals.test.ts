import { BUILT_IN_SUBGRAPHS } from '../../../subgraphs/catalog';
import { hashToken } from '../auth/tokens';
import { RegistryClient, RegistryClientError } from '../cli/client';
import { ApiToken, RegisteredSubgraph } from '../entities';
import { agencyClient, publishBuiltIns, startTestRegistry, TestRegistry } from '../../../test/support/registry';
import { classified, CONFLICTING_SDL, healthSdl, oneFieldSdl, unclassifiedHealthSdl, UNPARSABLE_SDL } from './fixtures';

// Every reason the registry refuses a publish, and that a refused publish changes nothing.

const HEALTH_URL = 'http://127.0.0.1:9/health/graphql';
let registry: TestRegistry;
let sotttt: RegistryClient;
let soyte: RegistryClient;

beforeAll(async () => {
  registry = await startTestRegistry();
  sotttt = await publishBuiltIns(registry);
  soyte = await agencyClient(registry, 'soyte', 'Sở Y tế');
});
afterAll(async () => {
  await registry?.stop();
});

async function versionCount(): Promise<number> {
  return (await registry.admin.versions()).versions.length;
}

async function refusal(promise: Promise<unknown>): Promise<RegistryClientError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(RegistryClientError);
  return error as RegistryClientError;
}

test('the four built-in subgraphs are registered through the agency path, one version per publish', async () => {
  const list = await sotttt.listSubgraphs();
  expect(list.subgraphs.map((s) => [s.name, s.agency])).toEqual([...BUILT_IN_SUBGRAPHS].sort().map((name) => [name, 'sotttt']));
  expect(list.currentVersion).toBe(BUILT_IN_SUBGRAPHS.length);
});

test('an SDL that does not parse is refused with the line and column of the error; nothing is published or claimed', async () => {
  const before = await versionCount();
  const result = await soyte.publish('health', { sdl: UNPARSABLE_SDL, url: HEALTH_URL });
  expect(result.status).toBe('refused');
  expect(result.report.outcome).toBe('invalid-sdl');
  expect(result.report.errors).toHaveLength(1);
  expect(result.report.errors[0]).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', subgraph: 'health', locations: [{ line: 5, column: 1 }] });
  expect(await versionCount()).toBe(before);
  expect((await soyte.listSubgraphs()).subgraphs.map((s) => s.name)).not.toContain('health');
});

test('an SDL that does not compose is refused with every composition error listed', async () => {
  const before = await versionCount();
  const result = await soyte.publish('health', { sdl: CONFLICTING_SDL, url: HEALTH_URL });
  expect(result.status).toBe('refused');
  expect(result.report.outcome).toBe('composition-failed');
  const messages = result.report.errors.map((e) => e.message).join('\n');
  // Both conflicts, not only the first one found.
  expect(messages).toContain('Citizen.fullName');
  expect(messages).toContain('Business.name');
  expect(result.report.errors.every((e) => typeof e.code === 'string' && e.code.length > 0)).toBe(true);
  expect(await versionCount()).toBe(before);
});

test('an SDL with unclassified fields is refused, forced or not, with every such field listed; check reports the same', async () => {
  const before = await versionCount();
  const sdl = unclassifiedHealthSdl();
  for (const force of [false, true]) {
    const result = await soyte.publish('health', { sdl, url: HEALTH_URL, force });
    expect(result.status).toBe('refused');
    expect(result.report.outcome).toBe('classification-failed');
    expect(result.report.accepted).toBe(false);
    // Every output field of the proposal, not only the first; the key Citizen.id included.
    expect(result.report.errors.map((e) => [e.code, e.subgraph, e.message.split(' ')[0]]).sort()).toEqual(
      ['Citizen.healthInsuranceNumber', 'Citizen.id', 'Citizen.vaccinations', 'Query.vaccination', 'Vaccination.doses', 'Vaccination.kind', 'Vaccination.vaccine'].map((c) => ['UNCLASSIFIED_FIELD', 'health', c]),
    );
  }
  // Classifying all but one field leaves exactly that one.
  const almost = healthSdl().replace(/(doses: Int!) @classified\(level: PUBLIC\)/, '$1');
  const report = await soyte.check('health', almost);
  expect(report).toMatchObject({ outcome: 'classification-failed', accepted: false });
  expect(report.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Vaccination\.doses has no classification: add @Public\(\)/)]);
  expect(await versionCount()).toBe(before);
  expect((await soyte.listSubgraphs()).subgraphs.map((s) => s.name)).not.toContain('health');
});

test("a classification that conflicts with another subgraph's is refused, naming both levels", async () => {
  const before = await versionCount();
  // The built-in subgraphs classify Citizen.id PUBLIC; a subgraph calling it BASIC conflicts.
  const result = await soyte.publish('health', { sdl: classified(unclassifiedHealthSdl(), { 'Citizen.id': 'BASIC' }), url: HEALTH_URL, force: true });
  expect(result.status).toBe('refused');
  expect(result.report.outcome).toBe('classification-failed');
  expect(result.report.errors).toEqual([expect.objectContaining({ code: 'CLASSIFICATION_CONFLICT', message: expect.stringMatching(/^Citizen\.id is classified differently: .*population PUBLIC.*health BASIC/) })]);
  expect((await soyte.check('health', classified(unclassifiedHealthSdl(), { 'Citizen.id': 'BASIC' }))).outcome).toBe('classification-failed');
  expect(await versionCount()).toBe(before);
  // The same subgraph classified consistently passes the check.
  expect(await soyte.check('health', healthSdl())).toMatchObject({ outcome: 'ok', accepted: true, errors: [] });
});

test('a breaking change is refused unless forced; forced, it is published and recorded as forced', async () => {
  const first = await soyte.publish('health', { sdl: healthSdl(), url: HEALTH_URL });
  expect(first.status).toBe('published');
  const before = await versionCount();

  const loosened = await soyte.publish('health', { sdl: healthSdl({ dosesType: 'Int' }) });
  expect(loosened.status).toBe('refused');
  expect(loosened.report.outcome).toBe('breaking-changes');
  expect(loosened.report.changes.filter((c) => c.breaking).map((c) => [c.kind, c.coordinate])).toEqual([['FIELD_TYPE_CHANGED', 'Vaccination.doses']]);
  expect(await versionCount()).toBe(before);

  const forced = await soyte.publish('health', { sdl: healthSdl({ dosesType: 'Int' }), force: true });
  expect(forced.status).toBe('published');
  if (forced.status !== 'published') return;
  expect(forced.version.forced).toBe(true);
  expect(await versionCount()).toBe(before + 1);
  const history = await soyte.history('health');
  expect(history.publishes[0]).toMatchObject({ forced: true, agency: 'soyte', version: forced.version.version });
});

test("a token may not publish or check a subgraph another agency owns, either way round", async () => {
  const takeover = await refusal(sotttt.publish('health', { sdl: healthSdl(), url: HEALTH_URL }));
  expect(takeover.status).toBe(403);
  expect(takeover.message).toContain('belongs to agency "soyte"');
  const intrusion = await refusal(soyte.publish('population', { sdl: healthSdl(), url: HEALTH_URL }));
  expect(intrusion.status).toBe(403);
  expect(intrusion.message).toContain('belongs to agency "sotttt"');
  expect((await refusal(soyte.check('population', healthSdl()))).status).toBe(403);
  const owners = await registry.running.database.orm.em.fork().find(RegisteredSubgraph, {}, { orderBy: { name: 'asc' } });
  expect(owners.map((o) => [o.name, o.agencyId])).toEqual([...BUILT_IN_SUBGRAPHS, 'health'].sort().map((name) => [name, name === 'health' ? 'soyte' : 'sotttt']));
});

test('a missing, unknown or revoked token is refused (401); a token of the wrong kind too (403)', async () => {
  expect((await refusal(new RegistryClient(registry.url).listSubgraphs())).status).toBe(401);
  expect((await refusal(new RegistryClient(registry.url, 'bdga_not-a-real-token').publish('health', { sdl: healthSdl() }))).status).toBe(401);

  const issued = await registry.admin.issueAgencyToken('soyte', { label: 'short-lived' });
  const replaced = await registry.admin.issueAgencyToken('soyte', { label: 'short-lived', replace: true });
  expect(replaced.revoked).toBe(1);
  expect((await refusal(new RegistryClient(registry.url, issued.token).listSubgraphs())).code).toBe('UNAUTHENTICATED');
  await expect(new RegistryClient(registry.url, replaced.token).listSubgraphs()).resolves.toBeDefined();

  const gateway = new RegistryClient(registry.url, (await registry.admin.issueGatewayToken({ label: 'test' })).token);
  expect((await refusal(gateway.publish('health', { sdl: healthSdl() }))).status).toBe(403);
  expect((await refusal(soyte.createAgency('rogue', 'Rogue'))).status).toBe(403);
  expect((await refusal(soyte.signingSecrets())).status).toBe(403);
});

test('tokens are stored only as SHA-256 hashes', async () => {
  const issued = await registry.admin.issueAgencyToken('soyte', { label: 'hash-check' });
  expect(issued.token).toMatch(/^bdga_[A-Za-z0-9_-]{43}$/);
  const rows = await registry.running.database.orm.em.fork().find(ApiToken, {});
  expect(rows.some((r) => r.tokenHash === hashToken(issued.token))).toBe(true);
  expect(JSON.stringify(rows)).not.toContain(issued.token);
});

test('the first publish of a name returns its signing secret once; the gateway can read it, agencies cannot', async () => {
  const sdl = oneFieldSdl('healthRecordCount');
  const result = await soyte.publish('health-records', { sdl, url: HEALTH_URL });
  expect(result.status).toBe('published');
  if (result.status !== 'published') return;
  expect(result.signingSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const again = await soyte.publish('health-records', { sdl, url: 'http://127.0.0.1:9/other/graphql' });
  expect(again.status).toBe('published');
  expect(again).not.toHaveProperty('signingSecret');
  const gateway = new RegistryClient(registry.url, (await registry.admin.issueGatewayToken({ label: 'secrets' })).token);
  const secrets = await gateway.signingSecrets();
  expect(secrets.find((s) => s.name === 'health-records')?.secret).toBe(result.signingSecret);
  expect(secrets.map((s) => s.name)).toEqual(expect.arrayContaining([...BUILT_IN_SUBGRAPHS, 'health']));
});
