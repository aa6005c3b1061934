import { grantedHeaders } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// Batching proof: the same query over 10 and over 50 citizens runs the same number of SQL
// statements in every subgraph (per-request DataLoaders, top-N per parent in one statement).

const QUERY = /* GraphQL */ `
  query Citizens($first: Int!) {
    citizens(first: $first) {
      edges { node {
        id fullName
        residence { name parent { name } }
        household { id }
        businesses { name industry { name } }
        dossiers(first: 5) { totalCount edges { node { code procedure { name } } } }
      } }
    }
  }`;

// Names, households, businesses and dossiers are personal data: read as a granted agency, for its purpose.
let stack: Stack;
let headers: Record<string, string>;
beforeAll(async () => {
  stack = await startStack();
  headers = await grantedHeaders();
});
afterAll(async () => {
  await stack?.stop();
});

async function statementsFor(first: number): Promise<Record<string, number>> {
  await postGraphQL(stack.gatewayUrl, QUERY, { first }, headers); // warm any per-process cache first
  stack.resetSqlStatements();
  const res = await postGraphQL(stack.gatewayUrl, QUERY, { first }, headers);
  expect(res.errors).toBeUndefined();
  expect(res.data.citizens.edges).toHaveLength(first);
  return stack.sqlStatements();
}

test('10 and 50 citizens cost the same SQL statements in every subgraph', async () => {
  const ten = await statementsFor(10);
  const fifty = await statementsFor(50);
  console.log(`SQL statements per subgraph: 10 citizens ${JSON.stringify(ten)}, 50 citizens ${JSON.stringify(fifty)}`);
  expect(fifty).toEqual(ten);
  for (const name of ['population', 'business', 'dossiers']) expect(ten[name]).toBeGreaterThan(0);
});
