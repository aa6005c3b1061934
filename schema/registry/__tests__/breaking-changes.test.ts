import { buildSchema } from 'graphql';
import { diffSchemas } from '../checks/breaking-changes';
import { diffClassifications } from '../checks/classification-changes';
import { ChangeKind } from '../checks/types';

// The schema rules, one by one, on small client-facing schemas.

const BASE = `
  type Query { citizen(id: ID!, on: String): Citizen  units(level: Level): [Unit!]! search(filter: Filter): [Citizen] }
  type Citizen { id: ID! name: String! age: Int tags: [String!]! }
  type Unit { id: ID! }
  enum Level { PROVINCE DISTRICT COMMUNE }
  input Filter { name: String ageFrom: Int! }
  union Subject = Citizen | Unit
`;

function diff(changed: string) {
  return diffSchemas(buildSchema(BASE), buildSchema(changed));
}

function breaking(changed: string): [string, string][] {
  return diff(changed).filter((c) => c.breaking).map((c) => [c.kind, c.coordinate]);
}

function edit(from: string, to: string): string {
  if (!BASE.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return BASE.replace(from, to);
}

test('the same schema has no changes', () => {
  expect(diff(BASE)).toEqual([]);
});

test('a removed type or field is breaking', () => {
  expect(breaking(edit('type Unit { id: ID! }', 'type Unit { id: ID! } type Gone { x: Int }').replace('union Subject = Citizen | Unit', 'union Subject = Citizen'))).toEqual([['UNION_MEMBER_REMOVED', 'Subject']]);
  expect(breaking(edit(' age: Int', ''))).toEqual([['FIELD_REMOVED', 'Citizen.age']]);
  const withoutFilter = edit('input Filter { name: String ageFrom: Int! }', '').replace(' search(filter: Filter): [Citizen]', '');
  expect(breaking(withoutFilter)).toEqual([['TYPE_REMOVED', 'Filter'], ['FIELD_REMOVED', 'Query.search']]);
});

test('a changed field type is breaking; nullability made stricter on output is not, looser is', () => {
  expect(breaking(edit('age: Int', 'age: String'))).toEqual([['FIELD_TYPE_CHANGED', 'Citizen.age']]);
  expect(breaking(edit('age: Int', 'age: Int!'))).toEqual([]);
  expect(diff(edit('age: Int', 'age: Int!'))).toEqual([expect.objectContaining({ kind: ChangeKind.FIELD_TYPE_CHANGED, breaking: false })]);
  const loosened = diff(edit('name: String!', 'name: String'));
  expect(loosened).toEqual([expect.objectContaining({ kind: ChangeKind.FIELD_TYPE_CHANGED, coordinate: 'Citizen.name', breaking: true })]);
  expect(loosened[0].message).toContain('nullability made looser on output');
  expect(breaking(edit('tags: [String!]!', 'tags: [String]!'))).toEqual([['FIELD_TYPE_CHANGED', 'Citizen.tags']]);
  expect(breaking(edit('tags: [String!]!', 'tags: String!'))).toEqual([['FIELD_TYPE_CHANGED', 'Citizen.tags']]);
});

test('nullability made tighter on input is breaking, looser is not', () => {
  const tightened = diff(edit('on: String', 'on: String!'));
  expect(tightened).toEqual([expect.objectContaining({ kind: ChangeKind.ARG_TYPE_CHANGED, coordinate: 'Query.citizen(on:)', breaking: true })]);
  expect(tightened[0].message).toContain('nullability made tighter on input');
  expect(breaking(edit('citizen(id: ID!', 'citizen(id: ID'))).toEqual([]);
  expect(breaking(edit('name: String ageFrom', 'name: String! ageFrom'))).toEqual([['INPUT_FIELD_TYPE_CHANGED', 'Filter.name']]);
  expect(breaking(edit('ageFrom: Int!', 'ageFrom: Int'))).toEqual([]);
});

test('a removed argument, or a newly required one, is breaking; a new optional one is not', () => {
  expect(breaking(edit(', on: String', ''))).toEqual([['ARG_REMOVED', 'Query.citizen(on:)']]);
  expect(breaking(edit('units(level: Level)', 'units(level: Level, on: String!)'))).toEqual([['REQUIRED_ARG_ADDED', 'Query.units(on:)']]);
  expect(breaking(edit('units(level: Level)', 'units(level: Level, on: String! = "2024-09-30")'))).toEqual([]);
  expect(diff(edit('units(level: Level)', 'units(level: Level, on: String)'))).toEqual([expect.objectContaining({ kind: ChangeKind.ARG_ADDED, breaking: false })]);
  expect(breaking(edit('ageFrom: Int! }', 'ageFrom: Int! district: ID! }'))).toEqual([['REQUIRED_INPUT_FIELD_ADDED', 'Filter.district']]);
  expect(breaking(edit('ageFrom: Int! }', 'ageFrom: Int! district: ID }'))).toEqual([]);
});

test('a removed enum value is breaking; an added one is listed but not breaking', () => {
  expect(breaking(edit('PROVINCE DISTRICT COMMUNE', 'PROVINCE DISTRICT'))).toEqual([['ENUM_VALUE_REMOVED', 'Level.COMMUNE']]);
  expect(diff(edit('PROVINCE DISTRICT COMMUNE', 'PROVINCE DISTRICT COMMUNE WARD'))).toEqual([expect.objectContaining({ kind: ChangeKind.ENUM_VALUE_ADDED, coordinate: 'Level.WARD', breaking: false })]);
});

test('additions and deprecations are listed, never breaking, after the breaking changes', () => {
  const changes = diff(edit('tags: [String!]!', 'tags: [String!]! @deprecated(reason: "use labels") labels: [String!]!').replace(' age: Int', ''));
  expect(changes.map((c) => [c.kind, c.coordinate, c.breaking])).toEqual([
    ['FIELD_REMOVED', 'Citizen.age', true],
    ['FIELD_ADDED', 'Citizen.labels', false],
    ['FIELD_DEPRECATED', 'Citizen.tags', false],
  ]);
});

test('a type changing kind is breaking', () => {
  expect(breaking(edit('type Unit { id: ID! }', 'interface Unit { id: ID! }'))).toEqual([['TYPE_KIND_CHANGED', 'Unit']]);
});

test('raising the data classification of a field is breaking; lowering it is not', () => {
  const supergraph = (level: string) => `type Citizen { id: ID! @classified(level: PUBLIC) ethnicity: String @classified(level: ${level}) }`;
  expect(diffClassifications(supergraph('BASIC'), supergraph('SENSITIVE'))).toEqual([expect.objectContaining({ kind: ChangeKind.CLASSIFICATION_RAISED, coordinate: 'Citizen.ethnicity', breaking: true })]);
  expect(diffClassifications(supergraph('SENSITIVE'), supergraph('BASIC'))).toEqual([expect.objectContaining({ kind: ChangeKind.CLASSIFICATION_LOWERED, breaking: false })]);
  expect(diffClassifications(supergraph('BASIC'), supergraph('BASIC'))).toEqual([]);
});
