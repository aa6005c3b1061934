import { buildSchema, parse } from 'graphql';
import { operationSignature, usedCoordinates } from '../../../gateway/src/plugins/usage-reporting';
import { RegistryClient } from '../cli/client';
import { recordUsage } from '../domain/usage';
import { agencyClient, publishBuiltIns, startTestRegistry, TestRegistry } from '../../../test/support/registry';
import { healthSdl } from './fixtures';

// The usage-based part of a check: which client operations, seen by the gateway in the last
// 30 days, a breaking change would break. Usage is reported as the gateway's plugin reports it.

const HEALTH_URL = 'http://127.0.0.1:9/health/graphql';
const VACCINATION_CARD = `query VaccinationCard($id: ID!) {
  citizen(id: $id) { fullName card: vaccinations(kind: ROUTINE) { vaccine doses } }
}`;
const INSURANCE = `query Insurance($id: ID!) { citizen(id: $id) { healthInsuranceNumber } }`;

interface Setup {
  registry: TestRegistry;
  soyte: RegistryClient;
  gateway: RegistryClient;
}

async function setUp(policy: 'strict' | 'usage'): Promise<Setup> {
  const registry = await startTestRegistry({ checkPolicy: policy });
  await publishBuiltIns(registry);
  const soyte = await agencyClient(registry, 'soyte', 'Sở Y tế');
  const published = await soyte.publish('health', { sdl: healthSdl(), url: HEALTH_URL });
  expect(published.status).toBe('published');
  const gateway = new RegistryClient(registry.url, (await registry.admin.issueGatewayToken({ label: 'test' })).token);
  return { registry, soyte, gateway };
}

/** A usage report entry, built with the gateway plugin's own signature and coordinate functions. */
async function usageOf(setup: Setup, query: string, client: string, count: number) {
  const current = await setup.registry.admin.current();
  const schema = buildSchema((await setup.registry.admin.version(current!.version)).apiSchemaSdl);
  const document = parse(query);
  return { operationName: document.definitions[0].kind === 'OperationDefinition' ? document.definitions[0].name?.value ?? null : null, signature: operationSignature(document)!, coordinates: usedCoordinates(schema, document), clients: [{ client, count }] };
}

describe('strict policy (default): every breaking change is refused; the check lists the operations it breaks', () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp('strict');
    await setup.gateway.reportUsage([await usageOf(setup, VACCINATION_CARD, 'tiem-chung-app', 4)]);
    await setup.gateway.reportUsage([await usageOf(setup, VACCINATION_CARD, 'tiem-chung-app', 3)]);
  });
  afterAll(async () => {
    await setup?.registry.stop();
  });

  test('removing a field no client used: refused, and the check says no operation uses it', async () => {
    const report = await setup.soyte.check('health', healthSdl({ insuranceNumber: false }));
    expect(report.accepted).toBe(false);
    expect(report.outcome).toBe('breaking-changes');
    expect(report.changes.filter((c) => c.breaking).map((c) => c.coordinate)).toEqual(['Citizen.healthInsuranceNumber']);
    expect(report.affectedOperations).toEqual([]);
    expect(report.summary).toContain('no client operation used it in the last 30 days');
  });

  test('removing a field clients used: refused, listing each operation with its clients and run count', async () => {
    const report = await setup.soyte.check('health', healthSdl({ doses: false }));
    expect(report.accepted).toBe(false);
    expect(report.affectedOperations).toEqual([
      expect.objectContaining({ operationName: 'VaccinationCard', count: 7, clients: ['tiem-chung-app'], coordinates: ['Vaccination.doses'] }),
    ]);
    // The signature hides literals and drops aliases: what the gateway reported, not the raw text.
    expect(report.affectedOperations[0].signature).toContain('vaccinations(kind:ROUTINE)');
    expect(report.affectedOperations[0].signature).not.toContain('card:');
  });

  test('removing an enum value an operation sends as a literal lists that operation', async () => {
    const report = await setup.soyte.check('health', healthSdl({ kinds: ['CAMPAIGN'] }));
    expect(report.changes.filter((c) => c.breaking).map((c) => c.coordinate)).toEqual(['VaccineKind.ROUTINE']);
    expect(report.affectedOperations.map((o) => o.operationName)).toEqual(['VaccinationCard']);
  });

  test('usage older than the 30-day window does not count', async () => {
    const old = await usageOf(setup, INSURANCE, 'bhxh-portal', 50);
    await recordUsage(setup.registry.running.database.orm.em.fork(), [old], new Date(Date.now() - 31 * 86_400_000));
    expect((await setup.soyte.check('health', healthSdl({ insuranceNumber: false }))).affectedOperations).toEqual([]);
    await setup.gateway.reportUsage([await usageOf(setup, INSURANCE, 'bhxh-portal', 1)]);
    const report = await setup.soyte.check('health', healthSdl({ insuranceNumber: false }));
    expect(report.affectedOperations).toEqual([expect.objectContaining({ operationName: 'Insurance', count: 1, clients: ['bhxh-portal'] })]);
  });

  test('a check never publishes', async () => {
    const before = (await setup.soyte.versions()).versions.length;
    await setup.soyte.check('health', healthSdl({ doses: false }));
    await setup.soyte.check('health', healthSdl({ extraVaccinationFields: '"""Batch number."""\n  batch: String' }));
    expect((await setup.soyte.versions()).versions.length).toBe(before);
  });

  test('only a gateway (or the administrator) may report usage, and a malformed report is refused', async () => {
    await expect(setup.soyte.reportUsage([])).rejects.toMatchObject({ status: 403 });
    await expect(setup.gateway.reportUsage([{ signature: 'query{a}', coordinates: 'nope', clients: [] }])).rejects.toMatchObject({ status: 400 });
  });
});

describe('usage policy (REGISTRY_CHECK_POLICY=usage): only breaking changes that break seen operations are refused', () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp('usage');
    await setup.gateway.reportUsage([await usageOf(setup, VACCINATION_CARD, 'tiem-chung-app', 2)]);
  });
  afterAll(async () => {
    await setup?.registry.stop();
  });

  test('removing an unused field is published; removing a used one is refused unless forced', async () => {
    const unused = await setup.soyte.publish('health', { sdl: healthSdl({ insuranceNumber: false }) });
    expect(unused.status).toBe('published');
    expect(unused.report.changes.filter((c) => c.breaking).map((c) => c.coordinate)).toEqual(['Citizen.healthInsuranceNumber']);

    const used = await setup.soyte.publish('health', { sdl: healthSdl({ insuranceNumber: false, doses: false }) });
    expect(used.status).toBe('refused');
    expect(used.report.affectedOperations.map((o) => o.operationName)).toEqual(['VaccinationCard']);

    const forced = await setup.soyte.publish('health', { sdl: healthSdl({ insuranceNumber: false, doses: false }), force: true });
    expect(forced.status).toBe('published');
  });
});
