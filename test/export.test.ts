import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { runExportCli } from '../gateway/src/cli/export';
import { verifyAccessRecords } from '../gateway/src/plugins/audit/verify';
import { AccessRecord, AccessRecordStore } from '../subgraphs/access/store';
import { callerHeaders, testToken } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// Exports (issue #6, point 3): POST /export runs a query page by page through the gateway (same
// token, grants, limits, access records) and streams one connection as CSV or NDJSON.

let stack: Stack;
let store: AccessRecordStore;
let exportUrl: string;
const MAX_ROWS = 2_500;

beforeAll(async () => {
  stack = await startStack({ gateway: { exportMaxRows: MAX_ROWS } });
  store = await AccessRecordStore.open(stack.accessDatabase);
  exportUrl = stack.gatewayUrl.replace(/\/graphql$/, '/export');
});
afterAll(async () => {
  await store?.close();
  await stack?.stop();
});

const records = (): Promise<AccessRecord[]> => store.database.orm.em.fork().find(AccessRecord, {}, { orderBy: { seq: 'asc' } });

/** RFC 4180 parsing, written here independently of the gateway's writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), (i += 1);
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

async function exportOf(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(exportUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

// The dossiers a district received in one year: more than one page at the test scale.
const DOSSIERS = `query DistrictYear($unit: ID!, $after: String) {
  dossiers(filter: { receivingUnitId: $unit, submittedFrom: "2023-01-01", submittedTo: "2023-12-31" }, first: 100, after: $after) {
    totalCount
    edges { node { code status channel submittedAt procedure { code name field } receivingUnit { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
let district: { id: string; total: number };

describe('CSV and NDJSON', () => {
  beforeAll(async () => {
    // The district with the most dossiers received in 2023 (so that the export spans pages).
    let best = { id: '', total: 0 };
    for (const id of ['718', '719', '720', '721', '722', '723', '724', '725', '726']) {
      const res = await postGraphQL(stack.gatewayUrl, DOSSIERS.replace('first: 100', 'first: 0'), { unit: id });
      if (res.data.dossiers.totalCount > best.total && res.data.dossiers.totalCount <= MAX_ROWS) best = { id, total: res.data.dossiers.totalCount };
    }
    district = best;
    expect(district.total).toBeGreaterThan(100);
  });

  test('a CSV export of more rows than one page has exactly totalCount rows, no duplicates, a BOM and intact Vietnamese text', async () => {
    const res = await exportOf({ query: DOSSIERS, variables: { unit: district.id }, path: 'data.dossiers', format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('x-export-total-count')).toBe(String(district.total));
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(res.text.slice(1));
    expect(header).toEqual(['code', 'status', 'channel', 'submittedAt', 'procedure.code', 'procedure.name', 'procedure.field', 'receivingUnit.id', 'receivingUnit.name']);
    expect(rows).toHaveLength(district.total);
    expect(new Set(rows.map((r) => r[0])).size).toBe(district.total);
    expect(rows.every((r) => r.length === header.length && r[7] !== '')).toBe(true);

    // The same dossiers through /graphql: the CSV cells are the values, Vietnamese included.
    const page = await postGraphQL(stack.gatewayUrl, DOSSIERS, { unit: district.id });
    const byCode = new Map(rows.map((r) => [r[0], r]));
    for (const { node } of page.data.dossiers.edges) {
      expect(byCode.get(node.code)).toEqual([node.code, node.status, node.channel, node.submittedAt, node.procedure.code, node.procedure.name, node.procedure.field, node.receivingUnit.id, node.receivingUnit.name]);
    }
    // ...and those values are Vietnamese text with diacritics (so the equality above is about them).
    const DIACRITICS = /[àáảãạăắằẳẵặâấầẩẫậđêếềểễệôốồổỗộơớờởỡợưứừửữự]/i;
    expect(page.data.dossiers.edges.filter((e: any) => DIACRITICS.test(e.node.procedure.name) && DIACRITICS.test(e.node.receivingUnit.name)).length).toBeGreaterThan(0);
  });

  test('an NDJSON export has one parseable object per node, the same rows as the CSV', async () => {
    const res = await exportOf({ query: DOSSIERS, variables: { unit: district.id }, path: 'dossiers', format: 'ndjson' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = res.text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(lines).toHaveLength(district.total);
    expect(new Set(lines.map((l) => l.code)).size).toBe(district.total);
    expect(lines[0]).toMatchObject({ code: expect.any(String), procedure: { name: expect.any(String) }, receivingUnit: { id: expect.any(String) } });
  });

  test('the CLI writes the same bytes as the endpoint and a progress line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bdg-export-'));
    const file = path.join(dir, 'dossiers.graphql');
    writeFileSync(file, DOSSIERS);
    const out: Buffer[] = [];
    let err = '';
    const stdout = new Writable({ write: (chunk, _e, done) => (out.push(Buffer.from(chunk)), done()) });
    const stderr = new Writable({ write: (chunk, _e, done) => ((err += chunk.toString()), done()) });
    const code = await runExportCli(['--query', file, '--path', 'data.dossiers', '--format', 'csv', '--variables', JSON.stringify({ unit: district.id }), '--gateway', stack.gatewayUrl], { stdout, stderr, env: {} });
    expect(code).toBe(0);
    const endpoint = await exportOf({ query: DOSSIERS, variables: { unit: district.id }, path: 'dossiers', format: 'csv' });
    expect(Buffer.concat(out).equals(endpoint.bytes)).toBe(true);
    expect(err).toContain(`export: ${district.total.toLocaleString('en-US')} of ${district.total.toLocaleString('en-US')} rows\n`);
  });
});

describe('personal data', () => {
  // A district's residents: personal fields (cccd, fullName, birthDate, residence) beside the public id.
  const CITIZENS = `query Residents($after: String) {
    citizens(filter: { residenceId: "719" }, first: 100, after: $after) {
      totalCount edges { node { id cccd fullName birthDate residence { id name } } } pageInfo { hasNextPage endCursor }
    }
  }`;

  test('an agency without a grant gets every row and no personal value, and no access record is written', async () => {
    const before = (await records()).length;
    const res = await exportOf({ query: CITIZENS, path: 'citizens', format: 'csv' }, await callerHeaders({ agency: 'TEST-ANALYST', purpose: 'statistics' }));
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(res.text.slice(1));
    expect(header).toEqual(['id', 'cccd', 'fullName', 'birthDate', 'residence.id', 'residence.name']);
    const total = Number(res.headers.get('x-export-total-count'));
    expect(total).toBeGreaterThan(100);
    expect(rows).toHaveLength(total);
    // cccd, fullName, birthDate and residence are personal (basic): every such cell is empty.
    expect(rows.every((r) => r.slice(1).every((cell) => cell === ''))).toBe(true);
    expect(new Set(rows.map((r) => r[0])).size).toBe(total);
    expect(await records()).toHaveLength(before);
  });

  test('a granted agency\'s export writes exactly one access record listing every exported person', async () => {
    const before = (await records()).length;
    const res = await exportOf({ query: CITIZENS, path: 'citizens', format: 'ndjson' }, await callerHeaders({ agency: 'TEST-SERVICE', sub: 'exporter@TEST-SERVICE', purpose: 'service-delivery' }));
    expect(res.status).toBe(200);
    const rows = res.text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(rows).toHaveLength(Number(res.headers.get('x-export-total-count')));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((r) => typeof r.fullName === 'string' && r.fullName !== '' && /^\d{12}$/.test(r.cccd))).toBe(true);
    const after = await records();
    expect(after).toHaveLength(before + 1);
    const record = after[after.length - 1];
    expect(record).toMatchObject({ agency: 'TEST-SERVICE', user: 'exporter@TEST-SERVICE', purpose: 'service-delivery', operationName: 'Residents', outcome: 'SERVED' });
    expect(JSON.parse(record.fields)).toEqual(['Citizen.birthDate', 'Citizen.cccd', 'Citizen.fullName', 'Citizen.residence']);
    expect((JSON.parse(record.subjects) as string[]).sort()).toEqual(rows.map((r) => r.id).sort());
    // The names of the granted export appear nowhere in an ungranted one.
    const denied = await exportOf({ query: CITIZENS, path: 'citizens', format: 'ndjson' }, await callerHeaders({ agency: 'TEST-ANALYST', purpose: 'statistics' }));
    const names = new Set(rows.map((r) => r.fullName));
    const deniedRows = denied.text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(deniedRows).toHaveLength(rows.length);
    expect(deniedRows.some((r) => names.has(r.fullName) || r.cccd !== null || r.birthDate !== null || r.residence !== null)).toBe(false);
  });
  test('when the export\'s access record cannot be written, the export is refused before any row (fail closed)', async () => {
    const postgres = stack.accessDatabase.kind === 'postgresql';
    const schema = postgres ? `"${(stack.accessDatabase as { schema: string }).schema}".` : '';
    const sql = (text: string) => store.database.orm.em.getConnection().execute(text.replace(/\bT\b/g, `${schema}access_record`));
    if (postgres) {
      await sql(`create or replace function ${schema}refuse_export_record() returns trigger as $$ begin raise exception 'disk full'; end $$ language plpgsql`);
      await sql(`create trigger refuse_export before insert on T for each row execute function ${schema}refuse_export_record()`);
    } else {
      await sql(`create trigger refuse_export before insert on T begin select raise(abort, 'disk full'); end`);
    }
    try {
      const before = (await records()).length;
      const res = await exportOf({ query: CITIZENS, path: 'citizens', format: 'csv' }, await callerHeaders({ agency: 'TEST-SERVICE', purpose: 'service-delivery' }));
      expect(res.status).toBe(503);
      expect(JSON.parse(res.text).errors[0].extensions.code).toBe('ACCESS_RECORD_UNAVAILABLE');
      expect(res.text).not.toMatch(/\d{12}/);
      expect(await records()).toHaveLength(before);
    } finally {
      await sql(postgres ? `drop trigger refuse_export on T` : `drop trigger refuse_export`);
    }
    expect(await verifyAccessRecords(stack.accessDatabase)).toMatchObject({ exitCode: 0 });
  });
});

describe('refusals before the first byte', () => {
  test('an operation without $after, a bad format, a bad path and a bad token are 4xx with what to do', async () => {
    const noAfter = await exportOf({ query: '{ dossiers(first: 100) { edges { node { code } } pageInfo { hasNextPage endCursor } } }', path: 'dossiers' });
    expect(noAfter.status).toBe(400);
    expect(JSON.parse(noAfter.text).errors[0].message).toMatch(/declare `\$after: String`/);
    const format = await exportOf({ query: DOSSIERS, variables: { unit: '721' }, path: 'dossiers', format: 'xlsx' });
    expect(format.status).toBe(400);
    expect(JSON.parse(format.text).errors[0].message).toMatch(/"csv" or "ndjson"/);
    const badPath = await exportOf({ query: DOSSIERS, variables: { unit: '721' }, path: 'data.citizens' });
    expect(badPath.status).toBe(400);
    const noPageInfo = await exportOf({ query: 'query($after: String) { dossiers(first: 100, after: $after) { edges { node { code } } } }', path: 'dossiers' });
    expect(JSON.parse(noPageInfo.text).errors[0].message).toMatch(/pageInfo \{ hasNextPage endCursor \}/);
    const token = await exportOf({ query: DOSSIERS, variables: { unit: '721' }, path: 'dossiers' }, { authorization: `Bearer ${await testToken({ agency: 'X', ttl: -60 })}` });
    expect(token.status).toBe(401);
    expect(JSON.parse(token.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  test('the gateway\'s limits apply to each page, and an export over EXPORT_MAX_ROWS is refused', async () => {
    const big = await exportOf({ query: DOSSIERS.replace('first: 100', 'first: 500'), variables: { unit: '721' }, path: 'dossiers' });
    expect(big.status).toBe(400);
    expect(JSON.parse(big.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const all = `query($after: String) { dossiers(first: 100, after: $after) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }`;
    const total = (await postGraphQL(stack.gatewayUrl, all.replace('first: 100', 'first: 0'))).data.dossiers.totalCount;
    expect(total).toBeGreaterThan(MAX_ROWS);
    const tooMany = await exportOf({ query: all, path: 'dossiers', format: 'csv' });
    expect(tooMany.status).toBe(400);
    expect(JSON.parse(tooMany.text).errors[0]).toMatchObject({ extensions: { code: 'EXPORT_TOO_LARGE' } });
  });

  test('GET /export with query parameters works like POST', async () => {
    const params = new URLSearchParams({ query: DOSSIERS, variables: JSON.stringify({ unit: district.id }), path: 'dossiers', format: 'ndjson' });
    const response = await fetch(`${exportUrl}?${params}`);
    expect(response.status).toBe(200);
    expect((await response.text()).split('\n').filter(Boolean)).toHaveLength(district.total);
  });
});
