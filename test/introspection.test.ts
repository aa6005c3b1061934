import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { execute, getIntrospectionQuery, GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import { RunningGateway } from '../gateway/src/gateway';
import { callerHeaders, grantedHeaders } from './support/access';
import { gatewayOver, startSubgraphs, Subgraphs } from './support/gateway-over';
import { postGraphQL } from './support/graphql-client';
import { SUPERGRAPH_PATH } from './support/processes';

// Issue 20, point 1: introspection answers exactly what graphql-js answers over the API schema,
// for the standard query every IDE and code generator sends (all options on) and for `__type`
// with fragments, nested fragments, aliases, @skip/@include and `__typename` at every level;
// and malformed introspection gets graphql-js's validation errors. The reference schema is
// built here from the committed supergraph, independently of the gateway's loading of it.

const FULL_INTROSPECTION = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });

let subgraphs: Subgraphs;
let production: RunningGateway;
let development: RunningGateway;
let apiSchema: GraphQLSchema;
let analyst: Record<string, string>;

beforeAll(async () => {
  apiSchema = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
  subgraphs = await startSubgraphs();
  production = await gatewayOver(subgraphs, { development: false });
  development = await gatewayOver(subgraphs, { development: true });
  analyst = await callerHeaders({ scopes: ['analyst'] });
});
afterAll(async () => {
  await production?.stop();
  await development?.stop();
  await subgraphs?.stop();
});

function reference(query: string, variables?: Record<string, unknown>): unknown {
  const document = parse(query);
  expect(validate(apiSchema, document)).toEqual([]);
  const result = execute({ schema: apiSchema, document, variableValues: variables });
  expect(result).not.toHaveProperty('errors');
  return JSON.parse(JSON.stringify((result as { data: unknown }).data));
}

describe.each([
  ['production, analyst scope', () => production, () => analyst],
  ['development, analyst scope', () => development, () => analyst],
  ['development, anonymous', () => development, () => ({})],
])('%s', (_name, gateway, headers) => {
  test('getIntrospectionQuery() with every option deep-equals graphql-js execute() over the API schema', async () => {
    const res = await postGraphQL(gateway().url, FULL_INTROSPECTION, undefined, headers());
    expect(res.errors).toBeUndefined();
    const expected = reference(FULL_INTROSPECTION) as { __schema: { types: unknown[] } };
    expect(expected.__schema.types.length).toBeGreaterThan(50);
    expect(res.data).toEqual(expected);
  });
});

test('without the analyst scope, production refuses introspection with INTROSPECTION_DISABLED and answers __typename', async () => {
  for (const headers of [{}, await grantedHeaders()]) {
    const res = await postGraphQL(production.url, FULL_INTROSPECTION, undefined, headers);
    expect(res.status).toBe(403);
    expect(res.data).toBeUndefined();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['INTROSPECTION_DISABLED']);
  }
  const typename = await postGraphQL(production.url, '{ __typename administrativeUnit(id: "721") { __typename name } }');
  expect(typename.data).toEqual({ __typename: 'Query', administrativeUnit: { __typename: 'AdministrativeUnit', name: expect.any(String) } });
});

const TYPE_QUERIES: [string, string, Record<string, unknown>?][] = [
  ['a named fragment on __Type', '{ __schema { queryType { ...N } } } fragment N on __Type { name kind }'],
  [
    'nested named fragments, spread twice at different depths',
    `{ __type(name: "Citizen") { ...T fields { name type { ...Ref ofType { ...Ref ofType { ...Ref } } } } } }
     fragment T on __Type { __typename name kind description interfaces { ...Ref } }
     fragment Ref on __Type { __typename kind name }`,
  ],
  [
    'aliases of __type with different arguments and the same alias inside',
    `{ a: __type(name: "Applicant") { k: kind possibleTypes { n: name } } b: __type(name: "DossierStatus") { k: kind enumValues(includeDeprecated: true) { n: name isDeprecated } } c: __type(name: "NoSuchType") { name } }`,
  ],
  [
    '@skip and @include with variables and literals',
    `query($yes: Boolean!, $no: Boolean = false) {
       __type(name: "Business") {
         name @include(if: $yes)
         kind @skip(if: $yes)
         ... on __Type @include(if: $no) { description }
         ...F @skip(if: $no)
         fields(includeDeprecated: true) @include(if: true) { name args { name defaultValue } }
       }
     }
     fragment F on __Type { interfaces { name } specifiedByURL }`,
    { yes: true },
  ],
  [
    '__typename at every level, aliased',
    `{ t: __typename __schema { __typename queryType { __typename t: __typename name } directives { __typename name args { __typename name type { __typename name } } } } }`,
  ],
  [
    'input values, deprecation and oneOf through a fragment',
    `{ __type(name: "DossierFilter") { ...Input } } fragment Input on __Type { name isOneOf inputFields(includeDeprecated: true) { name isDeprecated deprecationReason defaultValue type { kind name ofType { kind name } } } }`,
  ],
];

describe.each(TYPE_QUERIES)('%s', (_name, query, variables) => {
  test.each([
    ['production', () => production],
    ['development', () => development],
  ])('equals graphql-js in %s', async (_mode, gateway) => {
    const res = await postGraphQL(gateway().url, query, variables, analyst);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual(reference(query, variables));
  });
});

test('introspection mixed with entity fields across subgraphs in one operation answers both parts exactly', async () => {
  const granted = await callerHeaders({ agency: 'TEST-SERVICE', purpose: 'service-delivery', scopes: ['analyst'] });
  const data = `businesses(first: 2) { __typename edges { __typename node { __typename taxCode name ...Who legalRepresentative { __typename id residence { __typename name } } } } }`;
  const query = `{ __typename ${data} __type(name: "Business") { ...T } s: __schema { queryType { ...T } } }
    fragment Who on Business { t: __typename }
    fragment T on __Type { __typename name kind }`;
  const mixed = await postGraphQL(production.url, query, undefined, granted);
  expect(mixed.errors).toBeUndefined();
  const introspectionOnly = reference(`{ __typename __type(name: "Business") { ...T } s: __schema { queryType { ...T } } } fragment T on __Type { __typename name kind }`) as Record<string, unknown>;
  const dataOnly = await postGraphQL(production.url, `{ ${data} } fragment Who on Business { t: __typename }`, undefined, granted);
  expect(dataOnly.errors).toBeUndefined();
  expect(dataOnly.data.businesses.edges.length).toBe(2);
  expect(dataOnly.data.businesses.edges[0].node.legalRepresentative.residence.name).toEqual(expect.any(String));
  expect(mixed.data).toEqual({ ...introspectionOnly, businesses: dataOnly.data.businesses });
  // The client's field order is kept.
  expect(Object.keys(mixed.data)).toEqual(['__typename', 'businesses', '__type', 's']);
});

// Bad input: graphql-js's own validation messages, as @apollo/server answers them, before any execution.
test.each([
  ['__type without name', '{ __type { name } }'],
  ['an unknown meta-field', '{ __schema { __nothing } }'],
  ['an unknown field of __Type', '{ __type(name: "Citizen") { name colour } }'],
  ['a fragment on an unknown type', '{ __schema { queryType { ...F } } } fragment F on __Nope { name }'],
  ['a fragment cycle', '{ __schema { queryType { ...A } } } fragment A on __Type { name ofType { ...B } } fragment B on __Type { kind ofType { ...A } }'],
  ['a fragment spread where it cannot apply', '{ __schema { queryType { ...S } } } fragment S on __Schema { description }'],
])('%s is GRAPHQL_VALIDATION_FAILED with graphql-js messages', async (_name, query) => {
  const expected = validate(apiSchema, parse(query), specifiedRules).map((e) => e.message);
  expect(expected.length).toBeGreaterThan(0);
  for (const gateway of [production, development]) {
    const res = await postGraphQL(gateway.url, query, undefined, analyst);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.map((e) => e.message)).toEqual(expected);
    expect(res.errors?.every((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
  }
});
