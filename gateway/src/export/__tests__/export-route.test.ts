import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { buildSchema } from 'graphql';
import { createLogger } from '../../../../subgraphs/kit/logger';
import type { AccessContext, AccessReport } from '../../plugins/access';
import { exportHandler } from '../route';
import { csvField } from '../writers';

// The export route against a fake Apollo server: flattening and quoting, the final error line
// after the first byte, and the one-record / fail-closed protocol with the access plugin (whose
// part the fake plays: it reports each page's persons and withholds the page when refused).

const schema = buildSchema(`
  type Query { items(first: Int, after: String): ItemConnection }
  type ItemConnection { edges: [ItemEdge!]! pageInfo: PageInfo! totalCount: Int }
  type ItemEdge { node: Item! }
  type Item { id: ID! name: String tags: [String!] owner: Owner }
  type Owner { name: String }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
`);
const QUERY = 'query Items($after: String) { items(first: 2, after: $after) { totalCount edges { node { id name tags owner { name } } } pageInfo { hasNextPage endCursor } } }';
const ITEMS = [
  { id: '1', name: 'Nguyễn Văn "Út", Thủ Dầu Một', tags: ['a', 'b'], owner: { name: 'Bình Dương' } },
  { id: '2', name: 'line\nbreak', tags: null, owner: null },
  { id: '3', name: 'Bến Cát', tags: [], owner: { name: null } },
];

interface Fake {
  /** Page index (0-based, counted over all runs) that fails, if any. */
  failAt?: number;
  personal?: boolean;
  /** Persons of the page after `after`, as the plugin would report them; a second pass may differ. */
  subjectsOf?: (after: string | null, run: number) => string[];
  appendFails?: boolean;
}

async function serve(fake: Fake) {
  let runs = 0;
  const appended: AccessReport[] = [];
  const apollo = {
    async executeOperation(request: { variables: Record<string, unknown> }, { contextValue }: { contextValue: AccessContext }) {
      const run = runs++;
      const after = (request.variables.after as string | null) ?? null;
      const start = after ? Number(after) : 0;
      const single = (singleResult: unknown) => ({ http: { status: undefined, headers: new Map() }, body: { kind: 'single', singleResult } });
      if (fake.failAt === run) return single({ data: null, errors: [{ message: 'population is down', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] });
      const access = contextValue.exportAccess!;
      access.personalAllowed = !!fake.personal;
      if (fake.personal) {
        const subjects = (fake.subjectsOf ?? ((a) => ITEMS.slice(a ? Number(a) : 0, (a ? Number(a) : 0) + 2).map((i) => i.id)))(after, run);
        try {
          await access.recorder.record({ at: new Date(), agency: 'A', user: 'u', purpose: 'p', legalBases: ['law'], operationName: 'Items', operationHash: 'h', fields: ['Item.name'], subjects: subjects.map((id) => ({ id })), outcome: 'SERVED' });
        } catch {
          return single({ data: { items: null }, errors: [{ message: 'withheld', extensions: { code: 'ACCESS_RECORD_UNAVAILABLE' } }] });
        }
      }
      const page = ITEMS.slice(start, start + 2);
      const end = start + page.length;
      return single({ data: { items: { totalCount: ITEMS.length, edges: page.map((node) => ({ node })), pageInfo: { hasNextPage: end < ITEMS.length, endCursor: String(end) } } } });
    },
  };
  const access = {
    context: async () => ({ caller: { kind: 'anonymous' } }) as AccessContext,
    store: {
      append: async (report: AccessReport) => {
        if (fake.appendFails) throw new Error('disk full');
        appended.push(report);
        return {} as never;
      },
    },
  };
  const app = express();
  app.use('/export', express.json(), exportHandler({ apollo: apollo as never, schema: () => schema, access: access as never, maxRows: 1000, log: createLogger('export-test') }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/export`;
  const post = async (format = 'csv') => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, path: 'items', format }) });
    // Bytes, not response.text(): a text decoder would drop the BOM.
    return { status: response.status, text: Buffer.from(await response.arrayBuffer()).toString('utf8') };
  };
  return { post, appended, runs: () => runs, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('csv quoting follows RFC 4180', () => {
  expect(csvField('plain')).toBe('plain');
  expect(csvField('a,b')).toBe('"a,b"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('two\nlines')).toBe('"two\nlines"');
});

test('nested objects become dotted columns, lists JSON, nulls empty; pages are followed by cursor', async () => {
  const fake = await serve({});
  try {
    const { status, text } = await fake.post();
    expect(status).toBe(200);
    expect(text).toBe(
      '\uFEFFid,name,tags,owner.name\r\n' +
        '1,"Nguyễn Văn ""Út"", Thủ Dầu Một","[""a"",""b""]",Bình Dương\r\n' +
        '2,"line\nbreak",,\r\n' +
        '3,Bến Cát,[],\r\n',
    );
    expect(fake.runs()).toBe(2);
  } finally {
    await fake.close();
  }
});

test('an error after the first byte ends the stream with an error line; before it, an HTTP error', async () => {
  const late = await serve({ failAt: 1 });
  try {
    const csv = await late.post();
    expect(csv.status).toBe(200);
    const lines = csv.text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 2 + 1);
    expect(lines[3]).toBe('#ERROR SUBGRAPH_UNAVAILABLE,population is down');
  } finally {
    await late.close();
  }
  const lateNdjson = await serve({ failAt: 1 });
  try {
    const lines = (await lateNdjson.post('ndjson')).text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.pop()).toEqual({ error: { code: 'SUBGRAPH_UNAVAILABLE', message: 'population is down' } });
    expect(lines).toHaveLength(2);
  } finally {
    await lateNdjson.close();
  }
  const early = await serve({ failAt: 0 });
  try {
    const res = await early.post();
    expect(res.status).toBe(502);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
  } finally {
    await early.close();
  }
});

test('personal data: a survey pass, ONE record of every person, then the rows', async () => {
  const fake = await serve({ personal: true });
  try {
    const res = await fake.post('ndjson');
    expect(res.status).toBe(200);
    expect(res.text.split('\n').filter(Boolean)).toHaveLength(3);
    expect(fake.runs()).toBe(4); // 2 pages surveyed, 2 pages streamed
    expect(fake.appended).toHaveLength(1);
    expect(fake.appended[0].subjects.map((s) => s.id).sort()).toEqual(['1', '2', '3']);
  } finally {
    await fake.close();
  }
});

test('fail closed: no record, no rows (503); a page with persons the record does not cover is withheld', async () => {
  const refused = await serve({ personal: true, appendFails: true });
  try {
    const res = await refused.post();
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('ACCESS_RECORD_UNAVAILABLE');
    expect(res.text).not.toContain('Nguyễn');
  } finally {
    await refused.close();
  }
  // Between the passes a new person appears on page 2: that page is not sent.
  const changed = await serve({ personal: true, subjectsOf: (after, run) => (after && run >= 2 ? ['3', 'new-person'] : after ? ['3'] : ['1', '2']) });
  try {
    const res = await changed.post('ndjson');
    const lines = res.text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? l.error.code)).toEqual(['1', '2', 'ACCESS_RECORD_UNAVAILABLE']);
    expect(changed.appended).toHaveLength(1);
  } finally {
    await changed.close();
  }
});
