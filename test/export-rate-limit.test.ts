import { requestLimitsConfig } from '../gateway/src/plugins/limits/config';
import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// An export of many pages is one request for the rate limit (its first page takes the token),
// so an analyst's export is not cut off after the burst, and it still counts.
let stack: Stack;
beforeAll(async () => {
  const limits = requestLimitsConfig({});
  stack = await startStack({ subgraphs: ['dossiers'], gateway: { requestLimits: { ...limits, rateLimit: { ...limits.rateLimit, perMinute: 1, burst: 2 } } } });
});
afterAll(() => stack?.stop());

test('a multi-page export takes one rate-limit token', async () => {
  const query = `query($after: String) { dossiers(filter: { submittedFrom: "2023-01-01", submittedTo: "2023-03-31" }, first: 50, after: $after) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }`;
  const response = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/export'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, path: 'dossiers', format: 'ndjson' }) });
  expect(response.status).toBe(200);
  const rows = (await response.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const total = Number(response.headers.get('x-export-total-count'));
  expect(total).toBeGreaterThan(2 * 50); // more pages than the burst
  expect(rows).toHaveLength(total);
  expect(rows.some((r) => 'error' in r)).toBe(false);
  // One token left of the burst of 2, then refused.
  expect((await postGraphQL(stack.gatewayUrl, '{ __typename }')).status).toBe(200);
  const refused = await postGraphQL(stack.gatewayUrl, '{ __typename }');
  expect(refused.status).toBe(429);
  expect(refused.errors![0].extensions!.code).toBe('RATE_LIMITED');
});
