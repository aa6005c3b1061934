import { readFileSync } from 'node:fs';
import path from 'node:path';
// The gateway's own supergraph code (a dependency of @apollo/gateway, same version): the API
// schema it serves is the supergraph's apiSchema().
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { citizenId, taxCode } from '../../../../subgraphs/kit/seed/identities';
import { EXAMPLE_CITIZEN_ID, EXAMPLE_TAX_CODE, IDE_EXAMPLES } from '../examples';

// The IDE's ready examples must keep working as the schema evolves: each one is a valid operation
// of the committed supergraph's API schema, and its variables name identities every seed has.

let schema: GraphQLSchema;
beforeAll(() => {
  const sdl = readFileSync(path.resolve(__dirname, '../../../../schema/supergraph.graphql'), 'utf8');
  schema = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
});

test('the five examples the issue asks for are there, each with a distinct id', () => {
  expect(IDE_EXAMPLES.map((e) => e.id)).toEqual(['citizen-profile', 'business-dossiers', 'district-dashboard', 'indicator-series', 'dossier-search']);
});

test.each(IDE_EXAMPLES.map((e) => [e.id, e] as const))('%s is a valid operation of the API schema', (_id, example) => {
  const document = parse(example.query);
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  // Every variable it declares is given, and nothing else.
  const declared = document.definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? (d.variableDefinitions ?? []).map((v) => v.variable.name.value) : []));
  expect(Object.keys(example.variables).sort()).toEqual([...declared].sort());
});

test('the example ids are the seed identities present at every scale', () => {
  expect(EXAMPLE_CITIZEN_ID).toBe(citizenId(0));
  expect(EXAMPLE_TAX_CODE).toBe(taxCode(0));
});

test('the indicator-series example reads a DVC indicator with seriesAt and compare', () => {
  const example = IDE_EXAMPLES.find((e) => e.id === 'indicator-series')!;
  expect(example.variables.code).toMatch(/^DVC-\d{3}$/);
  expect(example.query).toMatch(/seriesAt\(/);
  expect(example.query).toMatch(/compare\(/);
});
