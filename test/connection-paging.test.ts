import { grantedHeaders } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// Relay paging through the gateway: walking a connection to its end yields every item
// exactly once, in a stable order, and the count matches totalCount.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function walk(field: string, args: string, key: string): Promise<{ keys: string[]; totalCount: number }> {
  const keys: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 1000; page += 1) {
    const res: any = await postGraphQL(
      stack.gatewayUrl,
      `query($after: String) { ${field}(${args} first: 100, after: $after) { totalCount edges { cursor node { ${key} } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
      { after },
    );
    expect(res.errors).toBeUndefined();
    const conn = res.data[field];
    totalCount = conn.totalCount;
    expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
    keys.push(...conn.edges.map((e: any) => e.node[key]));
    if (!conn.pageInfo.hasNextPage) return { keys, totalCount };
    after = conn.pageInfo.endCursor;
  }
  throw new Error(`${field} did not end`);
}

test.each([
  ['citizens', 'filter: { residenceId: "725" },', 'id'],
  ['businesses', '', 'taxCode'],
  ['dossiers', 'filter: { receivingUnitId: "724", submittedFrom: "2023-01-01", submittedTo: "2023-12-31" },', 'code'],
  ['indicators', '', 'code'],
])('%s pages to the end with no gaps or repeats', async (field, args, key) => {
  const { keys, totalCount } = await walk(field, args, key);
  expect(totalCount).toBeGreaterThan(100);
  expect(keys).toHaveLength(totalCount);
  expect(new Set(keys).size).toBe(totalCount);
  expect([...keys].sort()).toEqual(keys); // stable order, by id
});

test('cursors are opaque: they reveal no personal data', async () => {
  const res = await postGraphQL(stack.gatewayUrl, `{ citizens(first: 3) { edges { cursor node { id cccd fullName } } } }`, undefined, await grantedHeaders());
  expect(res.errors).toBeUndefined();
  for (const { cursor, node } of res.data.citizens.edges) {
    const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
    expect(decoded).not.toContain(node.cccd);
    expect(decoded).not.toContain(node.fullName);
  }
});
