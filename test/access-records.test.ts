import { createHash } from 'node:crypto';
import { verifyAccessRecords } from '../gateway/src/plugins/audit/verify';
import { AccessRecord, AccessRecordStore } from '../subgraphs/access/store';
import { callerHeaders } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// The access record (issue #5, points 4 and 5): every response with personal data leaves one
// hash-chained record before it is sent; tampering is found by audit:verify; if the record
// cannot be written the personal data is withheld; a citizen sees who read their data.

let stack: Stack;
let store: AccessRecordStore;
let citizen: { id: string; cccd: string };
let other: { id: string; cccd: string };

const service = () => callerHeaders({ agency: 'TEST-SERVICE', sub: 'officer-7@TEST-SERVICE', purpose: 'service-delivery' });
const table = () => (stack.accessDatabase.kind === 'postgresql' ? `"${stack.accessDatabase.schema}".access_record` : 'access_record');
const sql = (text: string, params: unknown[] = []) => store.database.orm.em.getConnection().execute(text.replace(/\bT\b/g, table()), params);
const records = async (): Promise<AccessRecord[]> => store.database.orm.em.fork().find(AccessRecord, {}, { orderBy: { seq: 'asc' } });

beforeAll(async () => {
  stack = await startStack();
  store = await AccessRecordStore.open(stack.accessDatabase);
  const res = await postGraphQL(stack.gatewayUrl, `{ citizens(first: 2) { edges { node { id cccd } } } }`, undefined, await service());
  [citizen, other] = res.data.citizens.edges.map((e: any) => e.node);
});
afterAll(async () => {
  await store?.close();
  await stack?.stop();
});

const PROFILE = `query CitizenProfile($id: ID!) { citizen(id: $id) { id fullName birthDate household { members { id } } } }`;

test('a response with personal data appends one record: who, why, which fields, whose data', async () => {
  const before = (await records()).length;
  const res = await postGraphQL(stack.gatewayUrl, PROFILE, { id: citizen.id }, await service());
  expect(res.errors).toBeUndefined();
  const after = await records();
  expect(after).toHaveLength(before + 1);
  const record = after[after.length - 1];
  expect(record).toMatchObject({
    agency: 'TEST-SERVICE',
    user: 'officer-7@TEST-SERVICE',
    purpose: 'service-delivery',
    operationName: 'CitizenProfile',
    operationHash: createHash('sha256').update(PROFILE).digest('hex'),
    outcome: 'SERVED',
  });
  expect(JSON.parse(record.legalBasis)).toEqual(['Test basis: Decree 13/2023 art. 17']);
  expect(JSON.parse(record.fields)).toEqual(['Citizen.birthDate', 'Citizen.fullName', 'Citizen.household', 'Household.members']);
  // The person read, and every household member whose membership was returned.
  const subjects: string[] = JSON.parse(record.subjects);
  const members = res.data.citizen.household.members.map((m: any) => m.id);
  expect(subjects.sort()).toEqual([...new Set([citizen.id, ...members])].sort());
  expect(Date.now() - Date.parse(record.at)).toBeLessThan(60_000);
  expect(record.prevHash).toBe(after.length > 1 ? after[after.length - 2].hash : '0'.repeat(64));
});

test('a request that returns no personal data leaves no record', async () => {
  const before = (await records()).length;
  await postGraphQL(stack.gatewayUrl, `{ administrativeUnit(id: "721") { name population } }`, undefined, await service());
  await postGraphQL(stack.gatewayUrl, `query($id: ID!) { citizen(id: $id) { id fullName } }`, { id: citizen.id }); // anonymous: denied
  expect(await records()).toHaveLength(before);
});

test('a partly denied response records only the fields returned, as PARTIAL', async () => {
  const res = await postGraphQL(stack.gatewayUrl, `query($id: ID!) { citizen(id: $id) { fullName ethnicity } }`, { id: other.id }, await callerHeaders({ agency: 'TEST-BASIC-ONLY', purpose: 'inspection' }));
  expect(res.data.citizen.ethnicity).toBeNull();
  const last = (await records()).pop()!;
  expect(last).toMatchObject({ agency: 'TEST-BASIC-ONLY', purpose: 'inspection', outcome: 'PARTIAL' });
  expect(JSON.parse(last.fields)).toEqual(['Citizen.fullName']);
  expect(JSON.parse(last.subjects)).toEqual([other.id]);
});

test('who read my data: a citizen sees the records about themself, and nobody else\'s', async () => {
  const query = `{ accessRecordsAboutMe(first: 50) { totalCount edges { node { seq at agency purpose legalBasis fields operationName outcome hash } } } }`;
  const mine = await postGraphQL(stack.gatewayUrl, query, undefined, await callerHeaders({ sub: citizen.cccd, scopes: ['citizen'] }));
  expect(mine.errors).toBeUndefined();
  const about = (await records()).filter((r) => (JSON.parse(r.subjects) as string[]).includes(citizen.id));
  expect(about.length).toBeGreaterThan(0);
  expect(mine.data.accessRecordsAboutMe.totalCount).toBe(about.length);
  expect(mine.data.accessRecordsAboutMe.edges.map((e: any) => e.node.seq)).toEqual(about.map((r) => r.seq));
  expect(mine.data.accessRecordsAboutMe.edges.find((e: any) => e.node.operationName === 'CitizenProfile').node).toMatchObject({ agency: 'TEST-SERVICE', purpose: 'service-delivery', fields: expect.arrayContaining(['Citizen.fullName']) });

  // The other citizen sees only the records about them (the PARTIAL read above, not the profile).
  const theirs = await postGraphQL(stack.gatewayUrl, query, undefined, await callerHeaders({ sub: other.cccd, scopes: ['citizen'] }));
  const theirSeqs = theirs.data.accessRecordsAboutMe.edges.map((e: any) => e.node.seq);
  expect(theirSeqs).toEqual((await records()).filter((r) => (JSON.parse(r.subjects) as string[]).includes(other.id)).map((r) => r.seq));
  expect(theirSeqs.length).toBeGreaterThan(0);
});

test.each([
  ['anonymous', {}, 'UNAUTHENTICATED'],
  ['an agency officer', { agency: 'TEST-SERVICE', purpose: 'service-delivery' }, 'FORBIDDEN'],
  ['a token without the citizen scope', { sub: '074095001234' }, 'FORBIDDEN'],
])('%s cannot list access records', async (_case, caller, code) => {
  const headers = Object.keys(caller).length ? await callerHeaders(caller) : {};
  const res = await postGraphQL(stack.gatewayUrl, `{ accessRecordsAboutMe { totalCount } }`, undefined, headers);
  expect(res.errors?.[0]?.extensions?.code).toBe(code);
  expect(res.data?.accessRecordsAboutMe ?? null).toBeNull();
});

test('audit:verify finds an altered record and says which', async () => {
  expect(await verifyAccessRecords(stack.accessDatabase)).toMatchObject({ exitCode: 0 });
  const [first] = await records();
  await sql(`update T set purpose = ? where seq = ?`, ['statistics', first.seq]);
  const tampered = await verifyAccessRecords(stack.accessDatabase);
  expect(tampered).toMatchObject({ exitCode: 1, seq: first.seq });
  expect(tampered.message).toContain(`record ${first.seq}`);
  await sql(`update T set purpose = ? where seq = ?`, [first.purpose, first.seq]);
  expect(await verifyAccessRecords(stack.accessDatabase)).toMatchObject({ exitCode: 0 });
});

test('when the access record cannot be written, no personal data is returned', async () => {
  const postgres = stack.accessDatabase.kind === 'postgresql';
  const schema = postgres ? `"${(stack.accessDatabase as { schema: string }).schema}".` : '';
  if (postgres) {
    await sql(`create or replace function ${schema}refuse_access_record() returns trigger as $$ begin raise exception 'disk full'; end $$ language plpgsql`);
    await sql(`create trigger refuse before insert on T for each row execute function ${schema}refuse_access_record()`);
  } else {
    await sql(`create trigger refuse before insert on T begin select raise(abort, 'disk full'); end`);
  }
  try {
    const before = (await records()).length;
    const res = await postGraphQL(stack.gatewayUrl, `query($id: ID!) { citizen(id: $id) { id fullName cccd residence { name } } administrativeUnit(id: "721") { name } }`, { id: citizen.id }, await service());
    expect(res.data.citizen).toEqual({ id: citizen.id, fullName: null, cccd: null, residence: null });
    expect(res.data.administrativeUnit.name).toBe('Thành phố Bến Cát');
    expect(res.errors!.map((e) => e.extensions?.code)).toContain('ACCESS_RECORD_UNAVAILABLE');
    expect(JSON.stringify(res)).not.toContain(citizen.cccd);
    expect(await records()).toHaveLength(before);
  } finally {
    await sql(postgres ? `drop trigger refuse on T` : `drop trigger refuse`);
  }
  const again = await postGraphQL(stack.gatewayUrl, `query($id: ID!) { citizen(id: $id) { cccd } }`, { id: citizen.id }, await service());
  expect(again.data.citizen.cccd).toBe(citizen.cccd);
});
