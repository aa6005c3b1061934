import { buildSchema, parse } from 'graphql';
import { startGateway, RunningGateway } from '../gateway/src/gateway';
import { costModelFromSdl, DEFAULT_OPERATION_LIMITS, operationCost } from '../gateway/src/plugins/limits';
import { requestLimitsConfig } from '../gateway/src/plugins/limits/config';
import { callerHeaders, testAccessConfig, testAccessDatabase } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { SUPERGRAPH_PATH } from './support/processes';
import { startStack, Stack, subgraphRequests } from './support/stack';
import { testSigningSecret } from './support/test-env';

// Operation limits: each refusal has a stable code and names the limit, and comes before any
// subgraph is called (no subgraph request, no SQL statement).

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

function resetCounts() {
  stack.resetSqlStatements();
  Object.values(stack.subgraphs).forEach((s) => s.resetGraphqlRequests());
}

function expectNoSubgraphCalled() {
  expect(Object.values(subgraphRequests(stack)).every((n) => n === 0)).toBe(true);
  expect(Object.values(stack.sqlStatements()).every((n) => n === 0)).toBe(true);
}

async function expectRefused(query: string, code: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  resetCounts();
  const res = await postGraphQL(stack.gatewayUrl, query, variables, headers);
  expect(res.data).toBeUndefined();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions?.code).toBe(code);
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expectNoSubgraphCalled();
  return res.errors![0];
}

const DASHBOARD = /* GraphQL */ `
  query DistrictDashboard($id: ID!, $from: Date, $to: Date) {
    administrativeUnit(id: $id) {
      id name level population
      children { id population }
      businessStats { total eInvoiceRate bySection { key count } }
      dossierStats(from: $from, to: $to) { total onlineRate onTimeRate }
      indicators { indicator { code name } latest { period value } }
      targets(programme: "39-CTr/TU") { status }
    }
  }`;

test('the district dashboard passes every limit and reaches the subgraphs', async () => {
  resetCounts();
  const res = await postGraphQL(stack.gatewayUrl, DASHBOARD, { id: '721', from: '2023-01-01', to: '2023-12-31' });
  expect(res.errors).toBeUndefined();
  expect(res.data.administrativeUnit.children.length).toBeGreaterThan(0);
  // The counters used below do see subgraph calls when there are some.
  expect(Object.values(subgraphRequests(stack)).filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
});

test('a depth bomb is MAX_DEPTH_EXCEEDED, naming the limit', async () => {
  const depth = 40;
  const error = await expectRefused(`{ administrativeUnit(id: "74") { ${'parent { '.repeat(depth)}id${' }'.repeat(depth)} } }`, 'MAX_DEPTH_EXCEEDED');
  expect(error.message).toContain(`limit is ${DEFAULT_OPERATION_LIMITS.maxDepth}`);
  expect(error.extensions).toMatchObject({ limit: DEFAULT_OPERATION_LIMITS.maxDepth, actual: depth + 2 });
});

test('depth hidden in nested fragments is counted', async () => {
  const levels = 20;
  const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on AdministrativeUnit { parent { ${i + 1 < levels ? `...F${i + 1}` : 'id'} } }`).join('\n');
  await expectRefused(`{ administrativeUnit(id: "74") { ...F0 } }\n${fragments}`, 'MAX_DEPTH_EXCEEDED');
});

test('an alias bomb is MAX_ALIASES_EXCEEDED, also through a fragment spread many times', async () => {
  const aliases = Array.from({ length: 200 }, (_, i) => `n${i}: name`).join(' ');
  const error = await expectRefused(`{ administrativeUnit(id: "74") { ${aliases} } }`, 'MAX_ALIASES_EXCEEDED');
  expect(error.message).toContain(`limit is ${DEFAULT_OPERATION_LIMITS.maxAliases}`);
  // 4 aliases in a fragment spread under 10 aliased fields: 10 + 40 > 30.
  const spreads = Array.from({ length: 10 }, (_, i) => `c${i}: children { ...Names }`).join(' ');
  await expectRefused(`{ administrativeUnit(id: "74") { ${spreads} } } fragment Names on AdministrativeUnit { a: name b: name c: name d: name }`, 'MAX_ALIASES_EXCEEDED');
});

test('too many root fields is MAX_ROOT_FIELDS_EXCEEDED', async () => {
  const roots = Array.from({ length: 12 }, (_, i) => `u${i}: administrativeUnit(id: "${718 + (i % 9)}") { id }`).join(' ');
  const error = await expectRefused(`{ ${roots} }`, 'MAX_ROOT_FIELDS_EXCEEDED');
  expect(error.message).toContain(`limit is ${DEFAULT_OPERATION_LIMITS.maxRootFields}`);
});

test('an oversized list (first: 100 nested under first: 100) is MAX_COST_EXCEEDED, with literals or variables', async () => {
  const nested = `citizens(first: 100) { edges { node { id dossiers(first: 100) { edges { node { code status } } } } } }`;
  const error = await expectRefused(`{ ${nested} }`, 'MAX_COST_EXCEEDED');
  expect(error.message).toContain(`limit is ${DEFAULT_OPERATION_LIMITS.maxCost}`);
  expect(error.extensions!.actual).toBeGreaterThan(10_000);
  await expectRefused(
    `query($n: Int, $m: Int) { businesses(first: $n) { edges { node { taxCode dossiers(first: $m) { edges { node { code } } } } } } }`,
    'MAX_COST_EXCEEDED',
    { n: 100, m: 100 },
  );
  // Unpaged lists count with the assumed size: children of children of children…
  await expectRefused(`{ administrativeUnits { children { children { children { children { id name } } } } } }`, 'MAX_COST_EXCEEDED');
});

test('first above 100 stays BAD_USER_INPUT, now answered before any subgraph is called', async () => {
  const error = await expectRefused(`{ citizens(first: 101) { totalCount } }`, 'BAD_USER_INPUT');
  expect(error.message).toContain('100');
  await expectRefused(`query($n: Int) { dossiers(first: $n) { totalCount } }`, 'BAD_USER_INPUT', { n: 500 });
});

test('a token-count bomb is refused by the parser, naming the limit', async () => {
  const fields = Array.from({ length: 16_000 }, () => 'id').join(' ');
  const error = await expectRefused(`{ administrativeUnit(id: "74") { ${fields} } }`, 'GRAPHQL_PARSE_FAILED');
  expect(error.message).toContain(String(DEFAULT_OPERATION_LIMITS.maxTokens));
});

test('nesting the parser cannot take (within the token limit) is refused before parsing, naming the limit', async () => {
  // 3,000 levels are about 9,000 tokens, under MAX_TOKENS, yet overflow graphql-js's stack.
  const levels = 3_000;
  const error = await expectRefused(`{ administrativeUnit(id: "74") { ${'parent { '.repeat(levels)}id${' }'.repeat(levels)} } }`, 'GRAPHQL_PARSE_FAILED');
  expect(error.message).toContain(`at most ${DEFAULT_OPERATION_LIMITS.maxDepth} levels`);
  expect(JSON.stringify(error)).not.toContain('stack');
  // Brackets inside strings and comments do not count.
  const res = await postGraphQL(stack.gatewayUrl, `# ${'{'.repeat(500)}\n{ administrativeUnit(id: "${'{'.repeat(500)}") { id } }`);
  expect(res.errors).toBeUndefined();
});

describe('introspection', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  test('is INTROSPECTION_DISABLED in production for a caller without the analyst scope', async () => {
    const error = await expectRefused(INTROSPECT, 'INTROSPECTION_DISABLED');
    expect(error.message).toContain('"analyst" scope');
    await expectRefused('{ __type(name: "Citizen") { name } }', 'INTROSPECTION_DISABLED', undefined, await callerHeaders({ agency: 'TEST-BASIC-ONLY', scopes: ['read'] }));
  });

  test('is answered in production for a caller with the analyst scope', async () => {
    const res = await postGraphQL(stack.gatewayUrl, INTROSPECT, undefined, await callerHeaders({ agency: 'TEST-ANALYST', scopes: ['analyst'] }));
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });

  test('__typename is not introspection', async () => {
    const res = await postGraphQL(stack.gatewayUrl, '{ __typename }');
    expect(res.data).toEqual({ __typename: 'Query' });
  });

  test('is open to everyone in development', async () => {
    const gateway = await gatewayOverStack({ development: true });
    try {
      const res = await postGraphQL(gateway.url, INTROSPECT);
      expect(res.errors).toBeUndefined();
      expect(res.data.__schema.queryType.name).toBe('Query');
    } finally {
      await gateway.stop();
    }
  });
});

describe('HTTP admission', () => {
  test('CSRF prevention: a simple GET without a preflight header is refused; with one it is answered', async () => {
    resetCounts();
    const url = `${stack.gatewayUrl}?query=${encodeURIComponent('{ administrativeUnit(id: "721") { name } }')}`;
    const blocked = await fetch(url);
    expect(blocked.status).toBe(400);
    const body: any = await blocked.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toContain('Cross-Site Request Forgery');
    const textPlain = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(textPlain.status).toBe(400);
    expectNoSubgraphCalled();
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as any).data.administrativeUnit.name).toBe('Thành phố Bến Cát');
  });

  test('a body above MAX_BODY_BYTES is PAYLOAD_TOO_LARGE, naming the limit', async () => {
    const gateway = await gatewayOverStack({ requestLimits: { ...requestLimitsConfig({}), maxBodyBytes: 4096 } });
    try {
      resetCounts();
      const small = await postGraphQL(gateway.url, '{ __typename }');
      expect(small.data).toEqual({ __typename: 'Query' });
      const large = await postGraphQL(gateway.url, `{ __typename }`, { padding: 'x'.repeat(5000) });
      expect(large.status).toBe(413);
      expect(large.errors![0].extensions!.code).toBe('PAYLOAD_TOO_LARGE');
      expect(large.errors![0].message).toContain('4096');
      expectNoSubgraphCalled();
    } finally {
      await gateway.stop();
    }
  });
});

describe('configuration', () => {
  test('every limit is read from its variable, with the documented defaults', () => {
    expect(requestLimitsConfig({}).operation).toEqual(DEFAULT_OPERATION_LIMITS);
    const config = requestLimitsConfig({ MAX_DEPTH: '4', MAX_ALIASES: '0', MAX_ROOT_FIELDS: '2', MAX_COST: '50', DEFAULT_LIST_SIZE: '5', MAX_TOKENS: '500', MAX_BODY_BYTES: '2048', RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_BURST: '7' });
    expect(config.operation).toEqual({ maxDepth: 4, maxAliases: 0, maxRootFields: 2, maxCost: 50, defaultListSize: 5, maxTokens: 500 });
    expect(config.maxBodyBytes).toBe(2048);
    expect(config.rateLimit).toMatchObject({ perMinute: 0, burst: 7 });
    expect(() => requestLimitsConfig({ MAX_DEPTH: 'deep' })).toThrow(/MAX_DEPTH/);
    expect(() => requestLimitsConfig({ TRUSTED_DOCUMENTS: 'on' })).toThrow(/TRUSTED_DOCUMENTS_FILE/);
  });

  test('a stricter gateway refuses what the default accepts', async () => {
    const query = '{ administrativeUnit(id: "721") { parent { parent { id } } } }';
    expect((await postGraphQL(stack.gatewayUrl, query)).errors).toBeUndefined();
    const gateway = await gatewayOverStack({ requestLimits: requestLimitsConfig({ MAX_DEPTH: '3' }) });
    try {
      const res = await postGraphQL(gateway.url, query);
      expect(res.errors![0].extensions).toMatchObject({ code: 'MAX_DEPTH_EXCEEDED', limit: 3, actual: 4 });
    } finally {
      await gateway.stop();
    }
  });

  test('cost follows @cost / @listSize when the schema declares them', () => {
    const sdl = `
      directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT
      directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!]) on FIELD_DEFINITION
      type Query { units: [Unit!]! @listSize(assumedSize: 3) page(first: Int, size: Int): Page @listSize(slicingArguments: ["size"], sizedFields: ["items"]) }
      type Unit @cost(weight: 5) { id: ID! stats: Stats @cost(weight: 10) }
      type Stats { total: Int }
      type Page { items: [Unit!]! }`;
    const schema = buildSchema(sdl);
    const model = costModelFromSdl(sdl);
    const cost = (query: string, variables?: Record<string, unknown>) => {
      const document = parse(query);
      return operationCost(schema, document, document.definitions[0] as any, variables, model, { defaultListSize: 20, defaultPageSize: 20, maxPageSize: 100 });
    };
    expect(cost('{ units { id } }')).toBe(3 * 5);
    expect(cost('{ units { stats { total } } }')).toBe(3 * (5 + 10));
    expect(cost('query($s: Int) { page(size: $s) { items { id } } }', { s: 7 })).toBe(1 + 7 * 5);
  });
});

/** Another gateway over the stack's subgraphs, with some settings changed. */
async function gatewayOverStack(overrides: Record<string, unknown>): Promise<RunningGateway> {
  return startGateway({
    access: await testAccessConfig(testAccessDatabase()),
    port: 0,
    host: '127.0.0.1',
    supergraphPath: SUPERGRAPH_PATH,
    subgraphTimeoutMs: 10_000,
    development: false,
    shutdownTimeoutMs: 2_000,
    subgraphUrls: Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])),
    subgraphSigningSecrets: Object.fromEntries(Object.keys(stack.subgraphs).map((name) => [name, testSigningSecret()])),
    ...overrides,
  });
}
