import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, parse } from 'graphql';
import { createLogger } from '../../../../../subgraphs/kit/logger';
import { operationSignature, UsageReporter, usedCoordinates } from '..';

// What the gateway tells the registry about client operations: a signature that ignores
// literals, aliases and order; the schema coordinates used; batches that never block a request
// and are dropped (not piled up) while the registry is down.

const schema = buildSchema(`
  type Query { citizen(id: ID!): Citizen  units(filter: UnitFilter, level: Level): [Unit!]! node(id: ID!): Node }
  interface Node { id: ID! }
  type Citizen implements Node { id: ID! fullName: String residence: Unit }
  type Unit implements Node { id: ID! name: String! }
  input UnitFilter { nameContains: String parentId: ID }
  enum Level { PROVINCE DISTRICT COMMUNE }
`);

test('signatures hide literals, drop aliases and sort, so variants of one operation share one', () => {
  const a = operationSignature(parse(`query Profile { citizen(id: "0741") { fullName residence { name id } } }`), 'Profile');
  const b = operationSignature(parse(`query Profile {
    citizen(id: "9999") { home: residence { id name } fullName }
  }`), 'Profile');
  expect(a).toBe(b);
  expect(a).toBe('query Profile{citizen(id:""){fullName residence{id name}}}');
  expect(a).not.toContain('0741');
  // Another operation in the same document is not part of it; a used fragment is.
  const doc = parse(`query A { ...F } query B { units { name } } fragment F on Query { citizen(id: 1) { id } }`);
  expect(operationSignature(doc, 'A')).toBe('query A{...F}fragment F on Query{citizen(id:0){id}}');
  expect(operationSignature(doc)).toBeNull();
});

test('coordinates: fields with their parent types, arguments, input fields, enum literals, fragment and variable types', () => {
  const used = usedCoordinates(schema, parse(`query Q($f: UnitFilter) {
    citizen(id: "1") { fullName ... on Node { id } }
    units(filter: { nameContains: "Thủ" }, level: DISTRICT) { name }
    byVariable: units(filter: $f) { __typename id }
  }`));
  expect(used.map((u) => u.coordinate)).toEqual([
    'Citizen.fullName',
    'Level.DISTRICT',
    'Node',
    'Node.id',
    'Query.citizen',
    'Query.citizen(id:)',
    'Query.units',
    'Query.units(filter:)',
    'Query.units(level:)',
    'Unit.id',
    'Unit.name',
    'UnitFilter',
    'UnitFilter.nameContains',
  ]);
  expect(used.find((u) => u.coordinate === 'UnitFilter.nameContains')?.typeName).toBe('UnitFilter');
});

function fakeRegistry(status: number) {
  const bodies: any[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      bodies.push({ authorization: req.headers.authorization, body: JSON.parse(text) });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise<{ url: string; bodies: any[]; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        bodies,
        close: () => {
          server.closeAllConnections();
          return new Promise((r) => server.close(() => r()));
        },
      }),
    ),
  );
}

const op = (name: string) => ({ operationName: name, signature: `query ${name}{a}`, coordinates: [{ coordinate: 'Query.a', typeName: 'Query' }] });

test('executions are counted per operation and client and sent in one batch with the gateway token', async () => {
  const registry = await fakeRegistry(202);
  try {
    const reporter = new UsageReporter({ registryUrl: registry.url, token: 'bdgw_test', log: createLogger('test') });
    reporter.record('h1', op('A'), 'web');
    reporter.record('h1', op('A'), 'web');
    reporter.record('h1', op('A'), '');
    reporter.record('h2', op('B'), 'web');
    await reporter.flush();
    expect(registry.bodies).toHaveLength(1);
    expect(registry.bodies[0].authorization).toBe('Bearer bdgw_test');
    expect(registry.bodies[0].body.operations).toEqual([
      { ...op('A'), clients: [{ client: 'web', count: 2 }, { client: '', count: 1 }] },
      { ...op('B'), clients: [{ client: 'web', count: 1 }] },
    ]);
    expect(reporter.size).toBe(0);
    await reporter.flush();
    expect(registry.bodies).toHaveLength(1);
  } finally {
    await registry.close();
  }
});

test('memory is bounded: beyond maxOperations distinct operations, new ones are dropped and counted', () => {
  const reporter = new UsageReporter({ registryUrl: 'http://127.0.0.1:9', token: 't', maxOperations: 3, log: createLogger('test') });
  for (let i = 0; i < 10; i += 1) reporter.record(`h${i}`, op(`Op${i}`), '');
  reporter.record('h0', op('Op0'), '');
  expect(reporter.size).toBe(3);
  expect(reporter.dropped).toBe(7);
});

test('a report the registry does not take is dropped, not kept for later', async () => {
  const failing = await fakeRegistry(503);
  for (const registryUrl of ['http://127.0.0.1:9', failing.url]) {
    const reporter = new UsageReporter({ registryUrl, token: 't', log: createLogger('test') });
    reporter.record('h1', op('A'), '');
    // Recording never waits on the network: it returns at once, even while a report is failing.
    const sending = reporter.flush();
    reporter.record('h2', op('B'), '');
    await sending;
    expect(reporter.reported).toBe(0);
    expect(reporter.size).toBe(1);
  }
  expect(failing.bodies).toHaveLength(1);
  await failing.close();
});
