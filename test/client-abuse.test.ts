import { postGraphQL } from './support/graphql-client';
import { peakRssMiB, startGatewayProcess, startSystemProcesses, SystemProcesses } from './support/processes';

// Point 5 of issue #8, client side, against a real gateway process over real HTTP: whatever a
// client sends gets a 4xx answer or a GraphQL error with a stable code (never a 5xx, a crash
// or a stack trace), and the gateway's memory stays bounded (peak RSS measured).

let system: SystemProcesses;
beforeAll(async () => {
  system = await startSystemProcesses();
});
afterAll(async () => {
  await system?.stop();
});

interface Abuse {
  name: string;
  send(url: string): Promise<Response>;
  status: number;
  code: string;
}

const post = (url: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) => fetch(url, { method: 'POST', headers, body });
const json = (query: string, variables?: unknown, operationName?: string) => JSON.stringify({ query, variables, operationName });
const TEN_MB = 10 * 1024 * 1024;

const ABUSES: Abuse[] = [
  { name: 'malformed JSON', send: (url) => post(url, '{"query": "{ sectors { code } "'), status: 400, code: 'BAD_REQUEST' },
  { name: 'invalid UTF-8 in the JSON', send: (url) => post(url, Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'invalid UTF-8 inside the query',
    send: (url) => post(url, Buffer.concat([Buffer.from('{"query": "{ sectors { code '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' } }"}')])),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  { name: 'a 10 MB body', send: (url) => post(url, json('query($x: String) { sectors { code } }', { x: 'a'.repeat(TEN_MB) })), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  {
    name: 'a 10 MB body streamed without a length',
    send: (url) => {
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= TEN_MB) return controller.close();
          controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
          sent += 64 * 1024;
        },
      });
      return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a query 10,000 levels deep',
    send: (url) => post(url, json(`{ administrativeUnit(id: "74") { ${'parent { '.repeat(10_000)}id${' }'.repeat(10_000)} } }`)),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: '100,000 aliases',
    send: (url) => post(url, json(`{ administrativeUnit(id: "74") { ${Array.from({ length: 100_000 }, (_, i) => `a${i.toString(36)}: id`).join(' ')} } }`)),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  { name: 'an unknown field', send: (url) => post(url, json('{ sectors { nope } }')), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a variable of the wrong type', send: (url) => post(url, json('query($id: ID!) { citizen(id: $id) { id } }', { id: { nested: [1, 2] } })), status: 400, code: 'BAD_USER_INPUT' },
  {
    name: 'a variable nested 100,000 levels deep',
    send: (url) => post(url, `{"query": "query($f: CitizenFilter) { citizens(filter: $f) { totalCount } }", "variables": {"f": ${'{"a": '.repeat(100_000)}1${'}'.repeat(100_000)}}}`),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a GET mutation',
    send: (url) => fetch(`${url}?query=${encodeURIComponent('mutation { x }')}`, { headers: { 'apollo-require-preflight': 'true' } }),
    status: 405,
    code: 'BAD_REQUEST',
  },
  { name: 'a GET without a CSRF preflight header', send: (url) => fetch(`${url}?query=${encodeURIComponent('mutation { x }')}`), status: 400, code: 'BAD_REQUEST' },
  { name: 'a text/plain POST', send: (url) => post(url, json('{ sectors { code } }'), { 'content-type': 'text/plain' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'a batch', send: (url) => post(url, JSON.stringify([{ query: '{ sectors { code } }' }, { query: '{ sectors { code } }' }])), status: 400, code: 'BAD_REQUEST' },
  { name: 'two operations and no operationName', send: (url) => post(url, json('query A { sectors { code } } query B { sectors { name } }')), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  { name: 'an unknown operationName', send: (url) => post(url, json('query A { sectors { code } }', undefined, 'Nope')), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  { name: 'a subscription', send: (url) => post(url, json('subscription { sectors { code } }')), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
];

async function answer(abuse: Abuse, url: string): Promise<{ status: number; body: any }> {
  const response = await abuse.send(url);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) };
}

test.each(ABUSES.map((a) => [a.name, a] as const))('%s gets a 4xx with a stable code and no stack trace', async (_name, abuse) => {
  const { status, body } = await answer(abuse, system.gateway.url);
  expect({ status, code: body.errors?.[0]?.extensions?.code }).toEqual({ status: abuse.status, code: abuse.code });
  expect(body.errors[0].message).toEqual(expect.any(String));
  expect(JSON.stringify(body)).not.toMatch(/stacktrace|\bat .*\.js:\d+/);
});

test('after rounds of all of it at once the gateway is alive, answers, and its peak memory stayed bounded', async () => {
  for (let round = 0; round < 5; round += 1) {
    const answers = await Promise.all(ABUSES.map((abuse) => answer(abuse, system.gateway.url)));
    answers.forEach(({ status }, i) => expect([ABUSES[i].name, status]).toEqual([ABUSES[i].name, ABUSES[i].status]));
  }
  expect(system.gateway.child.exitCode).toBeNull();
  const res = await postGraphQL(system.gateway.url, `{ administrativeUnit(id: "721") { name businessStats { total } } }`);
  expect(res.errors).toBeUndefined();
  expect(res.data.administrativeUnit.name).toBe('Thành phố Bến Cát');
  const peak = peakRssMiB(system.gateway.pid);
  console.log(`gateway peak RSS after ${5 * ABUSES.length} abusive requests: ${peak.toFixed(0)} MiB`);
  expect(peak).toBeLessThan(512);
});

/** A document of a few hundred bytes whose fragments expand to 2^(levels-1) copies of the same fields, or 10^levels with aliases. */
function fragmentBomb(levels: number, shape: 'spreads' | 'nested' | 'aliased'): string {
  let document = 'query Bomb { administrativeUnit(id: "74") { ...F0 } }';
  for (let i = 0; i < levels; i += 1) {
    const next = `...F${i + 1}`;
    const body =
      i === levels - 1
        ? 'id name'
        : shape === 'spreads'
          ? `${next} ${next}`
          : shape === 'nested'
            ? `parent { ${next} } children { ${next} }`
            : Array.from({ length: 10 }, (_, k) => `a${k}: children { ${next} }`).join(' ');
    document += ` fragment F${i} on AdministrativeUnit { ${body} }`;
  }
  return document;
}

test.each([
  ['2^29 copies of the same fields through fragment spreads', fragmentBomb(30, 'spreads')],
  ['2^19 nested parent/children selections', fragmentBomb(20, 'nested')],
  ['10^8 aliased selections', fragmentBomb(8, 'aliased')],
])('a fragment bomb (%s, in under 2 KB) is refused or answered, and the gateway survives it', async (_name, document) => {
  // Its own gateway process, so that a crash here cannot hide the other cases' results.
  const gateway = await startGatewayProcess(Object.fromEntries(Object.values(system.subgraphs).map((s) => [s.name, s.url])));
  try {
    expect(document.length).toBeLessThan(2048);
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: document }) }).catch((error) => error as Error);
    expect(response).toBeInstanceOf(Response);
    const { status } = response as Response;
    const body: any = await (response as Response).json();
    if (status === 200) expect(body.data.administrativeUnit.id).toBe('74');
    else expect([status, body.errors[0].extensions.code]).toEqual([400, expect.stringMatching(/^[A-Z_]+$/)]);
    expect(gateway.child.exitCode).toBeNull();
    expect(peakRssMiB(gateway.pid)).toBeLessThan(512);
  } finally {
    await gateway.stop('SIGKILL');
  }
});
