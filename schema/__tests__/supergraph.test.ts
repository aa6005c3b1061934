import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, GraphQLNamedType, isEnumType, isInputObjectType, isIntrospectionType, isObjectType, isScalarType, isSpecifiedScalarType, isUnionType, parse } from 'graphql';
import { composeBuiltInSubgraphs, ComposedGraph, SUPERGRAPH_FILE } from '../compose';

// The committed supergraph is what the gateway serves by default: it must be exactly what
// the subgraphs' code composes to, satisfy the public contract, and document everything.

let composed: ComposedGraph;
beforeAll(async () => {
  composed = await composeBuiltInSubgraphs();
});

test('the committed schema/supergraph.graphql is up to date (else run "npm run compose")', () => {
  expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composed.supergraphSdl);
  for (const [name, sdl] of Object.entries(composed.subgraphSdls)) {
    expect(readFileSync(path.join(path.dirname(SUPERGRAPH_FILE), 'subgraphs', `${name}.graphql`), 'utf8')).toBe(`${sdl.trimEnd()}\n`);
  }
});

const contractChecker = path.resolve(__dirname, '../../../shared/check-contract.mjs');
(existsSync(contractChecker) ? test : test.skip)('the supergraph satisfies ../shared/CONTRACT.graphql', () => {
  const output = execFileSync(process.execPath, [contractChecker, SUPERGRAPH_FILE], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
  expect(output).toContain('satisfies the contract');
});

const FEDERATION_TYPE = /^(join__|link__|federation__|_Service$|_Entity$|_Any$)/;

function undocumented(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  if (!type.description?.trim()) missing.push(type.name);
  if (isObjectType(type) || isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
      for (const arg of 'args' in field ? field.args : []) {
        if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

test('every type, field, argument and enum value of the API is described', () => {
  const schema = buildASTSchema(parse(composed.supergraphSdl), { assumeValidSDL: true });
  const missing = Object.values(schema.getTypeMap())
    .filter((t) => !isIntrospectionType(t) && !FEDERATION_TYPE.test(t.name) && !(isScalarType(t) && isSpecifiedScalarType(t)))
    .filter((t) => isObjectType(t) || isInputObjectType(t) || isEnumType(t) || isUnionType(t) || isScalarType(t))
    .flatMap(undocumented)
    .filter((name) => !name.startsWith('Query._'));
  expect(missing).toEqual([]);
});
