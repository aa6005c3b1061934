import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { databaseConfig, DatabaseConfig } from '../../kit/config';
import { AccessEntry, AccessRecordStore } from '../store';

// The access-record store: appends are serialised into one hash chain, and verification finds
// the first altered, removed or reordered record by its sequence number.

function freshDatabase(): DatabaseConfig {
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const base = databaseConfig('access');
  if (base.kind === 'postgresql') return { ...base, schema: `${base.schema}_store_${suffix}` };
  return { kind: 'sqlite', file: path.join(mkdtempSync(path.join(os.tmpdir(), 'bdg-test-access-')), 'access.sqlite') };
}

const entry = (i: number): AccessEntry => ({
  at: new Date(Date.UTC(2024, 8, 30, 1, 0, i)),
  agency: 'TEST-SERVICE',
  user: `officer-${i}`,
  purpose: 'service-delivery',
  legalBases: ['basis'],
  operationName: 'Profile',
  operationHash: 'a'.repeat(64),
  fields: ['Citizen.fullName'],
  subjects: [{ id: `C${i}`, cccd: `07409500${String(i).padStart(4, '0')}` }],
  outcome: 'SERVED',
});

let database: DatabaseConfig;
let store: AccessRecordStore;
beforeAll(async () => {
  database = freshDatabase();
  store = await AccessRecordStore.open(database);
});
afterAll(async () => {
  await store?.close();
  if (database?.kind === 'postgresql') {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(`drop schema if exists "${database.schema}" cascade`);
    await client.end();
  }
});

const sql = (text: string) => store.database.orm.em.getConnection().execute(text.replace(/\bT\b/g, database.kind === 'postgresql' ? `"${database.schema}".access_record` : 'access_record'));

test('concurrent appends form one unbroken chain', async () => {
  const written = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(entry(i))));
  expect(written.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(await store.verify()).toEqual({ checked: 20, problem: null });
});

test('appends that arrive together are committed together, in arrival order, each with its own record', async () => {
  const before = store.transactions;
  const written = await Promise.all(Array.from({ length: 40 }, (_, i) => store.append(entry(100 + i))));
  // In the order append was called, with no gaps, each resolved with the record of its own entry.
  expect(written.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => written[0].seq + i));
  expect(written.map((r) => r.user)).toEqual(Array.from({ length: 40 }, (_, i) => `officer-${100 + i}`));
  // One transaction for the first, one for the 39 that waited meanwhile (one at a time: 40).
  expect(store.transactions - before).toBeLessThanOrEqual(2);
  expect(await store.verify()).toEqual({ checked: 60, problem: null });
  // The subjects of every record of a batch are written too.
  const [{ n }] = await store.database.orm.em.getConnection().execute(`select count(*) as n from ${database.kind === 'postgresql' ? `"${database.schema}".` : ''}access_record_subject where record_seq > 20`);
  expect(Number(n)).toBe(40);
});

test('an entry that cannot be written fails alone; the others of its batch are committed', async () => {
  const bad = { ...entry(200), at: new Date(Number.NaN) };
  const results = await Promise.allSettled([store.append(entry(201)), store.append(entry(202)), store.append(bad), store.append(entry(203))]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(RangeError);
  expect(await store.verify()).toEqual({ checked: 63, problem: null });
});

test('an altered record is found, with its sequence number', async () => {
  await sql(`update T set purpose = 'marketing' where seq = 7`);
  expect((await store.verify()).problem).toMatchObject({ seq: 7, kind: 'altered' });
  await sql(`update T set purpose = 'service-delivery' where seq = 7`);
  expect((await store.verify()).problem).toBeNull();
});

test('a removed record is found', async () => {
  const [row] = await sql(`select * from T where seq = 12`);
  await sql(`delete from T where seq = 12`);
  const { problem, checked } = await store.verify();
  expect(problem).toMatchObject({ seq: 13, kind: 'removed-or-reordered' });
  expect(problem!.message).toContain('12');
  expect(checked).toBe(11);
  await store.database.orm.em.fork().getConnection().execute(
    `insert into ${database.kind === 'postgresql' ? `"${database.schema}".` : ''}access_record (seq, at, agency, user_id, purpose, legal_basis, operation_name, operation_hash, fields, subjects, outcome, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.seq, row.at, row.agency, row.user_id, row.purpose, row.legal_basis, row.operation_name, row.operation_hash, row.fields, row.subjects, row.outcome, row.prev_hash, row.hash],
  );
  expect((await store.verify()).problem).toBeNull();
});

test('reordered records are found', async () => {
  // Swap the contents of records 3 and 4, keeping the sequence numbers in place.
  await sql(`update T set seq = -3 where seq = 3`);
  await sql(`update T set seq = 3 where seq = 4`);
  await sql(`update T set seq = 4 where seq = -3`);
  expect((await store.verify()).problem).toMatchObject({ seq: 3 });
});
