import { buildSchema, operationFromDocument, Operation, Schema, SelectionSet } from '@apollo/federation-internals';
import { computeResponse } from '@apollo/gateway/dist/resultShaping';
import { parse } from 'graphql';
import { compileResponseShape, shapeResponse } from '../shape-response';

/**
 * The compiled shaping must answer exactly as @apollo/gateway's computeResponse: the same data
 * and the same errors, for valid answers and for every kind of wrong one (nulls in non-null
 * fields, unknown or missing __typename, values of the wrong type, skipped and included fields).
 * Both run on thousands of generated subgraph answers.
 */
const SDL = `
  type Query { node(id: ID!): Node  search(term: String): [Result!]  me: User!  numbers: [[Int]!]  status: Status }
  interface Node { id: ID! }
  type User implements Node { id: ID!  name: String  age: Int  score: Float  active: Boolean!  status: Status  born: Date  friends: [User!]!  pet: Pet }
  type Business implements Node { id: ID!  taxCode: String!  owner: User  employees: Int }
  union Result = User | Business
  union Pet = Dog | Cat
  type Dog { name: String!  barks: Boolean }
  type Cat { name: String!  lives: Int! }
  enum Status { ACTIVE SUSPENDED }
  scalar Date
`;

const OPERATIONS = [
  `query Q($id: ID!, $withFriends: Boolean!, $noAge: Boolean = false) {
     node(id: $id) { __typename id ... on User { name age @skip(if: $noAge) friends @include(if: $withFriends) { id n: name status } pet { __typename ... on Dog { name barks } ... on Cat { name lives } } }
       ... on Business { taxCode owner { id active } } }
     me { ...UserBits kind: __typename }
     numbers
     status
   }
   fragment UserBits on User { id active score born status }`,
  `query S($term: String) { search(term: $term) { __typename ... on Node { id } ... on User { name friends { id friends { id } } } ... on Business { employees } } me { id name } }`,
  `query T { me { __typename id ... @include(if: true) { name } ... @skip(if: true) { age } pet { ... on Cat { lives } } } alias: me { id } }`,
  `query U { me { __proto__: name constructor: id toString: age } }`,
];

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, values: readonly T[]): T => values[Math.floor(rand() * values.length)];

const WRONG = [null, null, 'text', 42, 4.5, true, { x: 1 }, [1], 'ACTIVE', 'NOPE', -0, '7'];
const RIGHT: Record<string, readonly unknown[]> = {
  ID: ['1', 2, 'u-3'],
  String: ['a', 'Bình Dương'],
  Int: [0, -5, 2_000_000],
  Float: [0.5, 3, -1.25],
  Boolean: [true, false],
  Status: ['ACTIVE', 'SUSPENDED'],
  Date: ['2024-09-30', 20240930],
};

/** A subgraph answer for `set`: mostly right, sometimes null or wrong, keyed by response name. */
function answerFor(schema: Schema, set: SelectionSet, rand: Rand, depth = 0): Record<string, unknown> {
  const answer: Record<string, unknown> = {};
  if (rand() < 0.85) answer.__typename = pick(rand, ['User', 'User', 'Business', 'Dog', 'Cat', 'Nope']);
  for (const selection of set.selections()) {
    if (selection.kind === 'FragmentSelection') {
      Object.assign(answer, answerFor(schema, selection.selectionSet, rand, depth));
      if (selection.element.typeCondition && rand() < 0.7) answer.__typename = selection.element.typeCondition.name === 'Node' ? 'User' : selection.element.typeCondition.name;
      continue;
    }
    const field = selection.element;
    const name = field.responseName();
    if (rand() < 0.05) continue; // missing
    answer[name] = valueFor(schema, field.definition.type!, selection.selectionSet, rand, depth);
  }
  return answer;
}

function valueFor(schema: Schema, type: any, set: SelectionSet | undefined, rand: Rand, depth: number): unknown {
  if (rand() < 0.06) return pick(rand, WRONG);
  if (type.kind === 'NonNullType') return valueFor(schema, type.ofType, set, rand, depth);
  if (type.kind === 'ListType') {
    if (depth > 3) return [];
    return Array.from({ length: Math.floor(rand() * 4) }, () => valueFor(schema, type.ofType, set, rand, depth + 1));
  }
  if (set) return depth > 4 ? null : answerFor(schema, set, rand, depth + 1);
  if (type.name === '__typename' || type.name === 'String' && rand() < 0.1) return pick(rand, ['User', 'Cat']);
  return pick(rand, RIGHT[type.name] ?? ['x']);
}

function variablesFor(rand: Rand): Record<string, unknown> {
  const variables: Record<string, unknown> = { id: '1', withFriends: rand() < 0.5, term: 'x' };
  if (rand() < 0.5) variables.noAge = rand() < 0.5;
  return variables;
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
const errorsOf = (errors: { message: string; path?: readonly (string | number)[]; extensions?: { code?: unknown } }[]) =>
  errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code }));

function outcome(run: () => { data: unknown; errors: any[] }) {
  try {
    const { data, errors } = run();
    return { data: plain(data ?? null), errors: errorsOf(errors) };
  } catch (error) {
    return { thrown: (error as Error).message };
  }
}

describe('compiled response shaping answers exactly as @apollo/gateway computeResponse', () => {
  const schema = buildSchema(SDL);
  const documents = OPERATIONS.map((text) => parse(text));
  const operations: Operation[] = documents.map((document) => operationFromDocument(schema, document));

  test.each(operations.map((operation, i) => [i, operation] as const))('operation %i on 1,500 generated answers', (i, operation) => {
    const shape = compileResponseShape(operation, documents[i]);
    const rand = random(1000 + i);
    const kinds = { clean: 0, withErrors: 0, nulledData: 0, thrown: 0 };
    for (let n = 0; n < 1_500; n += 1) {
      const input = answerFor(schema, operation.selectionSet, rand);
      const variables = variablesFor(rand);
      const theirs = outcome(() => computeResponse({ operation, variables, input: structuredClone(input), introspectionHandling: () => null }));
      const ours = outcome(() => shapeResponse(shape, structuredClone(input), variables, () => null));
      expect({ n, ...ours }).toEqual({ n, ...theirs });
      if ('thrown' in theirs) kinds.thrown += 1;
      else if (theirs.data === null) kinds.nulledData += 1;
      else if (theirs.errors.length > 0) kinds.withErrors += 1;
      else kinds.clean += 1;
    }
    // The generated answers reach every outcome, so the comparison covers each of them.
    expect(kinds.clean).toBeGreaterThan(10);
    expect(kinds.withErrors).toBeGreaterThan(10);
    expect(kinds.nulledData + kinds.thrown).toBeGreaterThan(0);
  });

  test('a shape is reused across requests with other variables', () => {
    const operation = operations[0];
    const shape = compileResponseShape(operation, documents[0]);
    const input = { node: { __typename: 'User', id: '1', name: 'An', age: 30, friends: [{ id: '2', n: 'Bình', status: 'ACTIVE' }], pet: null }, me: { id: '1', active: true, score: 1, born: 'x', status: null, kind: 'User', __typename: 'User' }, numbers: [[1, null]], status: 'ACTIVE' };
    const first = plain(shapeResponse(shape, structuredClone(input), { id: '1', withFriends: true, noAge: true }, () => null).data);
    const second = plain(shapeResponse(shape, structuredClone(input), { id: '1', withFriends: false }, () => null).data);
    expect(first.node).toEqual({ __typename: 'User', id: '1', name: 'An', friends: [{ id: '2', n: 'Bình', status: 'ACTIVE' }], pet: null });
    expect(second.node).toEqual({ __typename: 'User', id: '1', name: 'An', age: 30, pet: null });
  });
});

describe('a named fragment spread many times is applied once per object', () => {
  const schema = buildSchema(SDL);
  /** F0 spreads F1 twice, F1 spreads F2 twice, …: 2^(levels-1) paths to the last fragment's fields. */
  const bomb = (levels: number, on: 'User' | 'Query', leaf: string, entry: string) => {
    let text = `query Bomb($noName: Boolean = false) { ${entry} }`;
    for (let i = 0; i < levels; i += 1) text += ` fragment F${i} on ${on} { ${i === levels - 1 ? leaf : `...F${i + 1} ...F${i + 1}`} }`;
    return parse(text);
  };
  const input = { me: { id: '1', name: 'An', __typename: 'User' } };

  test.each([
    ['in an object', bomb(40, 'User', 'id name @skip(if: $noName)', 'me { ...F0 }'), { me: { id: '1', name: 'An' } }],
    ['at the root', bomb(40, 'Query', 'me { id name @skip(if: $noName) }', '...F0'), { me: { id: '1', name: 'An' } }],
  ])('2^39 spreads %s answer at once', (_where, document, expected) => {
    const operation = operationFromDocument(schema, document);
    const shape = compileResponseShape(operation, document);
    expect(plain(shapeResponse(shape, structuredClone(input), {}, () => null).data)).toEqual(expected);
    expect(plain(shapeResponse(shape, structuredClone(input), { noName: true }, () => null).data)).toEqual({ me: { id: '1' } });
  });

  test('a spread skipped the first time is still applied where it is included', () => {
    const document = parse(`query Q($a: Boolean!) { me { ...Bits @skip(if: $a) id ...Bits @include(if: $a) } } fragment Bits on User { name age }`);
    const operation = operationFromDocument(schema, document);
    const shape = compileResponseShape(operation, document);
    const answer = { me: { id: '1', name: 'An', age: 3, __typename: 'User' } };
    for (const a of [true, false]) {
      const theirs = plain(computeResponse({ operation, variables: { a }, input: structuredClone(answer), introspectionHandling: () => null }).data);
      expect(plain(shapeResponse(shape, structuredClone(answer), { a }, () => null).data)).toEqual(theirs);
    }
    expect(Object.keys(plain(shapeResponse(shape, structuredClone(answer), { a: true }, () => null).data).me)).toEqual(['id', 'name', 'age']);
  });
});
