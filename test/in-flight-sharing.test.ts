import { citizenId } from '../subgraphs/kit';
import { callerHeaders, SERVICE_AGENCY, SERVICE_PURPOSE } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { proxiedSubgraph } from './support/proxied-subgraph';

// Identical subgraph calls in flight at the same moment are answered by one call, but only
// when the answer cannot depend on the caller: a query that selects public fields only. The
// business subgraph sits behind a proxy that holds every call 300 ms, so that concurrent
// requests overlap, and counts the calls that reach it.

const PUBLIC = /* GraphQL */ `{ administrativeUnit(id: "721") { name businessStats { total active } } }`;
const PERSONAL = /* GraphQL */ `query($id: ID!) { citizen(id: $id) { fullName businesses { taxCode name } } }`;
const CONCURRENT = 8;

const stack = proxiedSubgraph('business', 'delay', 300);

async function concurrently(query: string, headers: () => Promise<Record<string, string>>, variables?: Record<string, unknown>) {
  const allHeaders = await Promise.all(Array.from({ length: CONCURRENT }, headers));
  return Promise.all(allHeaders.map((h) => postGraphQL(stack.gateway!.url, query, variables, h)));
}

test('identical public queries in flight share one subgraph call, and every caller gets the same complete answer', async () => {
  await stack.startGateway();
  const answers = await concurrently(PUBLIC, async () => ({}));
  for (const answer of answers) {
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(answers[0].data);
  }
  expect(answers[0].data.administrativeUnit.businessStats.total).toBeGreaterThan(0);
  expect(stack.proxy.calls).toBeGreaterThanOrEqual(1);
  expect(stack.proxy.calls).toBeLessThan(CONCURRENT);
});

test('with SUBGRAPH_SHARE_IN_FLIGHT off (shareInFlight: false) every request makes its own call', async () => {
  await stack.startGateway({ shareInFlight: false });
  const answers = await concurrently(PUBLIC, async () => ({}));
  for (const answer of answers) expect(answer.errors).toBeUndefined();
  expect(stack.proxy.calls).toBe(CONCURRENT);
});

test('never across callers when personal fields are selected: each caller makes its own call', async () => {
  await stack.startGateway();
  let n = 0;
  const answers = await concurrently(PERSONAL, () => callerHeaders({ agency: SERVICE_AGENCY, purpose: SERVICE_PURPOSE, sub: `officer-${(n += 1)}@${SERVICE_AGENCY}` }), { id: citizenId(0) });
  for (const answer of answers) {
    expect(answer.errors).toBeUndefined();
    expect(answer.data.citizen.fullName).toEqual(expect.any(String));
  }
  expect(stack.proxy.calls).toBe(CONCURRENT);
});
