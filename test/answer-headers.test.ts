import { startStack, Stack } from './support/stack';

// What a GraphQL answer carries over HTTP. No ETag: express would hash every body for it (a
// SHA-1 of the whole answer, 64 µs for the standard benchmark's 87 KB), and no GraphQL client
// revalidates a POST's answer with it.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ subgraphs: ['population'] });
});
afterAll(async () => {
  await stack?.stop();
});

test('an answer has its Content-Length and JSON type, and no ETag', async () => {
  const body = JSON.stringify({ query: '{ administrativeUnits { id name } }' });
  const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  expect(response.status).toBe(200);
  expect(JSON.parse(text).data.administrativeUnits.length).toBeGreaterThan(0);
  expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(response.headers.get('etag')).toBeNull();
});
