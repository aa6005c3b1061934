import { taxCodeCheckDigit } from '../subgraphs/kit/identifiers';
import { grantedHeaders } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// The contract's input rules, enforced end to end: malformed identifiers and oversized pages
// are BAD_USER_INPUT, well-formed unknown ones are null, and nothing a client sends is a 500.

// Lookups by CCCD are personal (citizenByCccd is [basic]): the caller is a granted agency, so that
// the input rules, not the access rules, answer.
let stack: Stack;
let headers: Record<string, string>;
beforeAll(async () => {
  stack = await startStack();
  headers = await grantedHeaders();
});
afterAll(async () => {
  await stack?.stop();
});

function codes(res: { errors?: { extensions?: Record<string, any> }[] }): string[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}

test.each([
  ['a malformed CCCD', `{ citizenByCccd(cccd: "12345") { id } }`],
  ['a CCCD with letters', `{ citizenByCccd(cccd: "07409500123A") { id } }`],
  ['a tax code with a wrong check digit', `{ business(taxCode: "3700100001") { name } }`],
  ['a tax code of 9 digits', `{ business(taxCode: "370010000") { name } }`],
  ['first above 100', `{ citizens(first: 101) { totalCount } }`],
  ['a negative first', `{ businesses(first: -1) { totalCount } }`],
  ['a forged cursor', `{ dossiers(first: 5, after: "bm90LWEtY3Vyc29y") { totalCount } }`],
])('%s is BAD_USER_INPUT', async (_case, query) => {
  const res = await postGraphQL(stack.gatewayUrl, query, undefined, headers);
  expect(res.status).toBeLessThan(500);
  expect(codes(res)).toContain('BAD_USER_INPUT');
  for (const error of res.errors ?? []) expect(error.message.length).toBeGreaterThan(10);
});

test.each([
  ['an impossible Date', `query($from: Date) { administrativeUnit(id: "721") { dossierStats(from: $from) { total } } }`, { from: '2023-02-30' }],
  ['a Date in the wrong format', `query($on: Date) { administrativeUnits(on: $on) { id } }`, { on: '30/09/2024' }],
])('%s in a variable is BAD_USER_INPUT naming the format', async (_case, query, variables) => {
  const res = await postGraphQL(stack.gatewayUrl, query, variables);
  expect(res.status).toBeLessThan(500);
  expect(codes(res)).toContain('BAD_USER_INPUT');
  expect(res.errors![0].message).toContain('YYYY-MM-DD');
});

test('an invalid Date literal fails validation with a message naming the format', async () => {
  const res = await postGraphQL(stack.gatewayUrl, `{ administrativeUnit(id: "721") { dossierStats(from: "2023-02-30") { total } } }`);
  expect(res.status).toBeLessThan(500);
  expect(codes(res)).toEqual(expect.arrayContaining([expect.stringMatching(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/)]));
  expect(JSON.stringify(res.errors)).toContain('YYYY-MM-DD');
});

test('well-formed but unknown identifiers are null without errors', async () => {
  // A woman born in 2099 cannot be seeded; sequence 0000001 is below the seeded tax codes.
  const taxCode = `370000001${taxCodeCheckDigit('370000001')}`;
  const res = await postGraphQL(
    stack.gatewayUrl,
    `query($taxCode: ID!) { citizenByCccd(cccd: "079399999999") { id } business(taxCode: $taxCode) { name } dossier(code: "000.00.21.H09-231204-9999") { code } administrativeUnit(id: "99999") { id } }`,
    { taxCode },
    headers,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data).toEqual({ citizenByCccd: null, business: null, dossier: null, administrativeUnit: null });
});

test.each([
  ['malformed JSON', '{"query": "{ sectors { code } "', 'application/json'],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'application/json'],
  ['an empty body', '', 'application/json'],
  ['no query', '{"variables": {}}', 'application/json'],
  ['a query that is not a string', '{"query": 42}', 'application/json'],
  ['a syntax error', '{"query": "{ sectors { code "}', 'application/json'],
  ['an unknown field', '{"query": "{ sectors { nope } }"}', 'application/json'],
  ['a variable of the wrong type', '{"query": "query($id: ID!) { citizen(id: $id) { id } }", "variables": {"id": {"x": 1}}}', 'application/json'],
])('%s gets a 4xx with a GraphQL error, never a 500', async (_case, body, contentType) => {
  const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': contentType }, body });
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  const json: any = await response.json();
  expect(json.errors?.[0]?.message).toEqual(expect.any(String));
  expect(json.errors[0].extensions?.code).toEqual(expect.any(String));
});

test('a very deep query is refused without a stack trace', async () => {
  const depth = 5000;
  const query = `{ administrativeUnit(id: "74") { ${'parent { '.repeat(depth)}id${' }'.repeat(depth)} } }`;
  const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  expect(response.status).toBe(400);
  const json: any = await response.json();
  expect(json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  expect(JSON.stringify(json)).not.toContain('stacktrace');
});
