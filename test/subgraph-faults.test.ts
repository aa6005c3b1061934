import { BUILT_IN_SUBGRAPHS } from '../subgraphs/catalog';
import { FaultMode, FaultProxy, LEAKY_INTERNALS, startFaultProxy } from './support/fault-proxy';
import { postGraphQL } from './support/graphql-client';
import { Outcome, startLoad } from './support/load';
import { peakRssMiB, ServiceProcess, startGatewayProcess, startSubgraphProcess } from './support/processes';

// Point 5 of issue #8, subgraph side, with real processes over real HTTP: a subgraph killed
// under continuous load (the gateway stays up, the other domains keep answering, and it
// recovers by itself when the subgraph is back), a subgraph that hangs, and one that answers
// invalid JSON, a wrong content type or a 500 HTML page.

const DASHBOARD = /* GraphQL */ `
  query Dashboard($id: ID!) {
    administrativeUnit(id: $id) {
      name
      population
      businessStats { total }
      dossierStats { total }
    }
  }`;
const DISTRICTS = ['718', '719', '720', '721', '722', '723', '724', '725', '726'];

const subgraphs: Record<string, ServiceProcess> = {};
let gateway: ServiceProcess | undefined;
let proxy: FaultProxy | undefined;

beforeAll(async () => {
  const started = await Promise.all(BUILT_IN_SUBGRAPHS.map((name) => startSubgraphProcess(name)));
  for (const s of started) subgraphs[s.name] = s;
});
afterEach(async () => {
  await gateway?.stop();
  gateway = undefined;
  await proxy?.close();
  proxy = undefined;
});
afterAll(async () => {
  await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
});

function urls(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])), ...overrides };
}

/** Whether an outcome is a served dashboard: population and dossiers answered; business either answered or null with its error. */
function checkOutcome(o: Outcome): string | undefined {
  if (o.status !== 200 || !o.body) return `HTTP ${o.status} ${o.failure ?? ''}`;
  const unit = o.body.data?.administrativeUnit;
  if (!unit || typeof unit.name !== 'string' || !(unit.population > 0) || !(unit.dossierStats?.total >= 0)) return `other domains missing: ${JSON.stringify(o.body).slice(0, 300)}`;
  if (unit.businessStats === null) {
    const error = o.body.errors?.find((e) => e.path?.join('.') === 'administrativeUnit.businessStats');
    if (!error || error.extensions?.subgraph !== 'business' || !/^SUBGRAPH_/.test(error.extensions?.code)) return `business null without its error: ${JSON.stringify(o.body.errors)}`;
  } else if (o.body.errors) {
    return `unexpected errors: ${JSON.stringify(o.body.errors)}`;
  }
  return undefined;
}
const businessServed = (o: Outcome) => o.body?.data?.administrativeUnit?.businessStats?.total > 0;
const codeOf = (o: Outcome) => o.body?.errors?.[0]?.extensions?.code as string | undefined;

test('a subgraph killed under load costs only its fields, and the gateway recovers by itself when it is back', async () => {
  gateway = await startGatewayProcess(urls(), { SUBGRAPH_BREAKER_RESET_MS: '500', SUBGRAPH_TIMEOUT_MS: '5000' });
  const load = startLoad(gateway.url, (i) => ({ query: DASHBOARD, variables: { id: DISTRICTS[i % DISTRICTS.length] } }), { workers: 4, maxRequests: 40_000, maxMs: 90_000 });
  try {
    load.phase = 'healthy';
    await load.until((os) => os.filter(businessServed).length >= 20);

    load.phase = 'business killed';
    const port = subgraphs.business.port;
    await subgraphs.business.stop('SIGKILL');
    // Under load the circuit opens once failures outweigh the recent successes.
    await load.until((os) => os.some((o) => codeOf(o) === 'SUBGRAPH_CIRCUIT_OPEN') && os.filter((o) => o.body?.data?.administrativeUnit?.businessStats === null).length >= 20);

    load.phase = 'business restarted';
    subgraphs.business = await startSubgraphProcess('business', { port });
    await load.until((os) => os.filter(businessServed).length >= 20);
  } finally {
    await load.stop();
  }

  const byPhase = (phase: string) => load.outcomes.filter((o) => o.phase === phase);
  const problems = load.outcomes.map(checkOutcome).filter(Boolean);
  expect(problems.slice(0, 5)).toEqual([]);
  expect(gateway.child.exitCode).toBeNull();
  // While business was down, every answer still had population and dossiers, and business's error says why.
  const downCodes = new Set(byPhase('business killed').filter((o) => !businessServed(o)).map(codeOf));
  expect([...downCodes].every((c) => c === 'SUBGRAPH_UNAVAILABLE' || c === 'SUBGRAPH_CIRCUIT_OPEN')).toBe(true);
  // Once back, business answers again without anyone restarting the gateway.
  expect(byPhase('business restarted').filter(businessServed).length).toBeGreaterThanOrEqual(20);
  const after = await postGraphQL(gateway.url, DASHBOARD, { id: '721' });
  expect(after.errors).toBeUndefined();
  const peak = peakRssMiB(gateway.pid);
  console.log(`kill under load: ${load.outcomes.length} requests (${['healthy', 'business killed', 'business restarted'].map((p) => `${p}: ${byPhase(p).length}`).join(', ')}), codes while down: ${[...downCodes].join(', ')}, gateway peak RSS ${peak.toFixed(0)} MiB`);
  expect(peak).toBeLessThan(1024);
});

describe('a misbehaving business subgraph, behind a real gateway process', () => {
  const cases: [FaultMode, string][] = [
    ['hang', 'SUBGRAPH_TIMEOUT'],
    ['invalid-json', 'SUBGRAPH_BAD_RESPONSE'],
    ['wrong-content-type', 'SUBGRAPH_BAD_RESPONSE'],
    ['html-500', 'SUBGRAPH_BAD_RESPONSE'],
  ];

  test('each fault costs only the business fields, with a stable code and no internals; it serves again when the fault ends', async () => {
    proxy = await startFaultProxy(subgraphs.business.url);
    gateway = await startGatewayProcess(urls({ business: proxy.url }), { SUBGRAPH_TIMEOUT_MS: '500', SUBGRAPH_BREAKER_RESET_MS: '300' });
    for (const [mode, code] of cases) {
      // Healthy first (three answers in a row), so the circuit is closed when the fault starts.
      proxy.mode = 'pass';
      let healthy = 0;
      for (let i = 0; i < 100 && healthy < 3; i += 1) {
        const res = await postGraphQL(gateway.url, DASHBOARD, { id: '721' });
        healthy = res.errors ? 0 : healthy + 1;
        if (res.errors) await new Promise((r) => setTimeout(r, 100));
      }
      expect(healthy).toBe(3);

      proxy.mode = mode;
      const res = await postGraphQL(gateway.url, DASHBOARD, { id: '721' });
      expect(res.status).toBe(200);
      const unit = res.data.administrativeUnit;
      expect(unit.name).toBe('Thành phố Bến Cát');
      expect(unit.dossierStats.total).toBeGreaterThan(0);
      expect(unit.businessStats).toBeNull();
      expect(res.errors).toEqual([expect.objectContaining({ path: ['administrativeUnit', 'businessStats'], extensions: expect.objectContaining({ code, subgraph: 'business' }) })]);
      const text = JSON.stringify(res.errors);
      for (const secret of [...LEAKY_INTERNALS, '<html', String(new URL(proxy.url).port)]) expect(text).not.toContain(secret);
    }
    expect(gateway.child.exitCode).toBeNull();
  });
});
