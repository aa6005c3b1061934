import { RegistryClient } from '../schema/registry/cli/client';
import { postGraphQL } from './support/graphql-client';
import { RegistryStack, startRegistryStack, waitForVersion } from './support/registry-stack';
import { startWellbeingSubgraph, wellbeingSdl, wellbeingScoreOf, wellbeingTrendOf, WellbeingSubgraph } from './support/wellbeing-subgraph';

// Supergraph swaps under continuous load: requests keep flowing through the gateway while the
// registry's current version changes three times (a field removed, forced; an earlier version
// rolled back to); not one request fails. A request already executing when the gateway swaps
// finishes on the supergraph it started with, and new requests use the new one.

const TREND_DELAY_MS = 3_000;
const WORKERS = 8;
let stack: RegistryStack;
let wellbeing: WellbeingSubgraph;
let agency: RegistryClient;
let citizenIds: string[];

beforeAll(async () => {
  stack = await startRegistryStack();
  wellbeing = await startWellbeingSubgraph({ fields: ['wellbeingScore', 'wellbeingTrend'], trendDelayMs: TREND_DELAY_MS });
  await stack.registry.admin.createAgency('sldtbxh', 'Sở Lao động - Thương binh và Xã hội');
  agency = new RegistryClient(stack.registry.url, (await stack.registry.admin.issueAgencyToken('sldtbxh')).token);
  const res = await postGraphQL(stack.gatewayUrl, '{ citizens(first: 20) { edges { node { id } } } }');
  citizenIds = res.data.citizens.edges.map((e: { node: { id: string } }) => e.node.id);
});
afterAll(async () => {
  await stack?.stop();
  await wellbeing?.stop();
});

const DASHBOARD = `query Dashboard { administrativeUnit(id: "721") { name businessStats { total } } }`;
const SCORE = `query Score($id: ID!) { citizen(id: $id) { id wellbeingScore } }`;
const TREND = `query Trend($id: ID!) { citizen(id: $id) { id wellbeingTrend } }`;

interface Outcome {
  ok: boolean;
  detail?: string;
}

/** Workers sending requests back to back until stopped; each response is checked. */
function startLoad() {
  const outcomes: Outcome[] = [];
  let running = true;
  const worker = async (w: number) => {
    for (let i = 0; running; i += 1) {
      const id = citizenIds[(w * 7 + i) % citizenIds.length];
      const dashboard = i % 2 === 0;
      try {
        const res = await postGraphQL(stack.gatewayUrl, dashboard ? DASHBOARD : SCORE, dashboard ? {} : { id });
        const good = res.status === 200 && !res.errors && (dashboard ? typeof res.data.administrativeUnit.businessStats.total === 'number' : res.data.citizen.wellbeingScore === wellbeingScoreOf(id));
        outcomes.push(good ? { ok: true } : { ok: false, detail: JSON.stringify({ status: res.status, errors: res.errors, data: res.data }) });
      } catch (error) {
        outcomes.push({ ok: false, detail: String(error) });
      }
    }
  };
  const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
  return {
    outcomes,
    /** Waits until `more` further requests have completed. */
    async completed(more: number) {
      const target = outcomes.length + more;
      const deadline = Date.now() + 30_000;
      while (outcomes.length < target && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

test('three swaps under continuous load: zero failed requests; an in-flight request finishes on the old supergraph', async () => {
  const v1 = await agency.publish('wellbeing', { sdl: await wellbeingSdl(['wellbeingScore', 'wellbeingTrend']), url: wellbeing.url });
  if (v1.status !== 'published') throw new Error(v1.report.summary);
  await waitForVersion(stack.gatewayUrl, v1.version.version);

  const load = startLoad();
  await load.completed(60);
  const beforeSwaps = load.outcomes.length;

  // A slow request is executing (the wellbeing subgraph is resolving its trend) when the swap happens.
  const slowId = citizenIds[0];
  let settled = false;
  const slow = postGraphQL(stack.gatewayUrl, TREND, { id: slowId }).finally(() => (settled = true));
  const calls = wellbeing.trendCalls();
  while (wellbeing.trendCalls() === calls) await new Promise((resolve) => setTimeout(resolve, 10));

  // Swap 1: wellbeingTrend removed (a breaking change, forced).
  const v2 = await agency.publish('wellbeing', { sdl: await wellbeingSdl(['wellbeingScore']), force: true });
  if (v2.status !== 'published') throw new Error(v2.report.summary);
  await waitForVersion(stack.gatewayUrl, v2.version.version);
  expect(settled).toBe(false);
  const newRequest = await postGraphQL(stack.gatewayUrl, TREND, { id: slowId });
  expect(newRequest.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  const finished = await slow;
  expect(finished.errors).toBeUndefined();
  expect(finished.data.citizen).toEqual({ id: slowId, wellbeingTrend: wellbeingTrendOf(slowId) });
  await load.completed(60);

  // Swap 2: the trend field published again.
  const v3 = await agency.publish('wellbeing', { sdl: await wellbeingSdl(['wellbeingScore', 'wellbeingTrend']) });
  if (v3.status !== 'published') throw new Error(v3.report.summary);
  await waitForVersion(stack.gatewayUrl, v3.version.version);
  await load.completed(60);

  // Swap 3: rollback to the version without the trend.
  await stack.registry.admin.rollback(v2.version.version);
  await waitForVersion(stack.gatewayUrl, v2.version.version);
  await load.completed(60);
  await load.stop();

  const failures = load.outcomes.filter((o) => !o.ok);
  expect(failures.slice(0, 3)).toEqual([]);
  expect(beforeSwaps).toBeGreaterThanOrEqual(60);
  expect(load.outcomes.length).toBeGreaterThanOrEqual(beforeSwaps + 180);
});
