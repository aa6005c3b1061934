import { callerHeaders, testToken } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// Purpose-bound access (issue #5, points 1–3) end to end: who may read which field, for which
// purpose; denied fields are null with FORBIDDEN at their paths while the rest is served.

let stack: Stack;
let citizenId: string;
beforeAll(async () => {
  stack = await startStack();
  const res = await postGraphQL(stack.gatewayUrl, `{ citizens(first: 1) { edges { node { id } } } }`);
  citizenId = res.data.citizens.edges[0].node.id;
});
afterAll(async () => {
  await stack?.stop();
});

const PROFILE = `query Profile($id: ID!) { citizen(id: $id) { id fullName residence { id } } administrativeUnit(id: "721") { name } }`;

function forbidden(res: { errors?: { path?: (string | number)[]; extensions?: Record<string, any> }[] }) {
  return (res.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => ({ path: e.path, reason: e.extensions!.reason, field: e.extensions!.field }));
}

test('anonymous callers read public fields; personal ones are null with FORBIDDEN', async () => {
  const res = await postGraphQL(stack.gatewayUrl, PROFILE, { id: citizenId });
  expect(res.status).toBe(200);
  expect(res.data).toEqual({ citizen: { id: citizenId, fullName: null, residence: null }, administrativeUnit: { name: 'Thành phố Bến Cát' } });
  expect(forbidden(res)).toEqual([
    { path: ['citizen', 'fullName'], reason: 'AUTHENTICATION_REQUIRED', field: 'Citizen.fullName' },
    { path: ['citizen', 'residence'], reason: 'AUTHENTICATION_REQUIRED', field: 'Citizen.residence' },
  ]);
});

test('an agency without a grant reading Citizen.fullName gets null plus FORBIDDEN while public fields arrive', async () => {
  const res = await postGraphQL(stack.gatewayUrl, PROFILE, { id: citizenId }, await callerHeaders({ agency: 'TEST-NO-GRANT', purpose: 'service-delivery' }));
  expect(res.data.citizen.id).toBe(citizenId);
  expect(res.data.citizen.fullName).toBeNull();
  expect(res.data.administrativeUnit.name).toBe('Thành phố Bến Cát');
  expect(forbidden(res)).toContainEqual({ path: ['citizen', 'fullName'], reason: 'NOT_GRANTED', field: 'Citizen.fullName' });
  expect(res.errors!.find((e) => e.path?.join('.') === 'citizen.fullName')!.message).toMatch(/no grant/);
});

test('a granted agency with its purpose reads basic personal data', async () => {
  const res = await postGraphQL(stack.gatewayUrl, PROFILE, { id: citizenId }, await callerHeaders({ agency: 'TEST-SERVICE', purpose: 'service-delivery' }));
  expect(res.errors).toBeUndefined();
  expect(res.data.citizen.fullName.length).toBeGreaterThan(3);
  expect(res.data.citizen.residence.id).toMatch(/^\d{5}$/);
  // The gateway's helper keys never reach the client.
  expect(JSON.stringify(res.data)).not.toMatch(/__bdg/);
});

test('a sensitive field is denied under a basic grant, served under a grant naming it', async () => {
  const query = `query($id: ID!) { citizen(id: $id) { fullName ethnicity } }`;
  const basic = await postGraphQL(stack.gatewayUrl, query, { id: citizenId }, await callerHeaders({ agency: 'TEST-BASIC-ONLY', purpose: 'service-delivery' }));
  expect(basic.data.citizen.fullName).toEqual(expect.any(String));
  expect(basic.data.citizen.ethnicity).toBeNull();
  expect(forbidden(basic)).toEqual([{ path: ['citizen', 'ethnicity'], reason: 'SENSITIVE_NOT_NAMED', field: 'Citizen.ethnicity' }]);

  const named = await postGraphQL(stack.gatewayUrl, query, { id: citizenId }, await callerHeaders({ agency: 'TEST-SERVICE', purpose: 'service-delivery' }));
  expect(named.errors).toBeUndefined();
  expect(named.data.citizen.ethnicity).toEqual(expect.any(String));
});

test.each([
  ['no x-purpose header', { agency: 'TEST-SERVICE' }, 'PURPOSE_REQUIRED'],
  ['a purpose outside the grant', { agency: 'TEST-SERVICE', purpose: 'marketing' }, 'PURPOSE_NOT_GRANTED'],
  ['an expired grant', { agency: 'TEST-EXPIRED', purpose: 'service-delivery' }, 'NOT_GRANTED'],
  ['a public-only grant', { agency: 'TEST-ANALYST', purpose: 'statistics' }, 'NOT_GRANTED'],
  ['a token without an agency', { sub: '074095001234', scopes: ['citizen'], purpose: 'service-delivery' }, 'NO_AGENCY'],
])('%s: personal fields are FORBIDDEN (%s)', async (_case, caller, reason) => {
  const res = await postGraphQL(stack.gatewayUrl, PROFILE, { id: citizenId }, await callerHeaders(caller));
  expect(res.data.citizen).toEqual({ id: citizenId, fullName: null, residence: null });
  expect(res.data.administrativeUnit.name).toBe('Thành phố Bến Cát');
  expect(forbidden(res).map((e) => e.reason)).toEqual([reason, reason]);
});

test('public-only requests need no purpose and no token', async () => {
  const res = await postGraphQL(stack.gatewayUrl, `{ administrativeUnit(id: "74") { population businessStats { total } } }`, undefined, await callerHeaders({ agency: 'TEST-ANALYST' }));
  expect(res.errors).toBeUndefined();
  expect(res.data.administrativeUnit.population).toBeGreaterThan(0);
});

test('a field is denied at every path it occurs, in lists, fragments and unions', async () => {
  const res = await postGraphQL(
    stack.gatewayUrl,
    `fragment P on Citizen { fullName } { citizens(first: 3) { edges { node { id ...P } } } dossiers(first: 3) { edges { node { code applicant { ... on Citizen { id } ... on Business { taxCode } } } } } }`,
    undefined,
    await callerHeaders({ agency: 'TEST-ANALYST', purpose: 'statistics' }),
  );
  const nodes = res.data.citizens.edges.map((e: any) => e.node);
  expect(nodes).toHaveLength(3);
  for (const node of nodes) expect(node).toEqual({ id: expect.any(String), fullName: null });
  for (const { node } of res.data.dossiers.edges) expect(node).toEqual({ code: expect.any(String), applicant: null });
  const paths = forbidden(res).map((e) => e.path!.join('.'));
  expect(paths).toEqual(expect.arrayContaining(['citizens.edges.0.node.fullName', 'citizens.edges.2.node.fullName', 'dossiers.edges.0.node.applicant']));
});

test('filtering on a personal field needs the same grant as reading it', async () => {
  const query = `{ citizens(filter: { nameContains: "nguyen" }, first: 2) { totalCount } }`;
  const headers = await callerHeaders({ agency: 'TEST-ANALYST', purpose: 'statistics' });
  stack.resetSqlStatements();
  const denied = await postGraphQL(stack.gatewayUrl, query, undefined, headers);
  // Checked before planning: the population subgraph was never asked to filter by name.
  expect(stack.sqlStatements().population).toBe(0);
  expect(denied.data).toBeNull(); // citizens is non-null: the denial bubbles up
  expect(forbidden(denied)).toEqual([{ path: ['citizens'], reason: 'NOT_GRANTED', field: 'CitizenFilter.nameContains' }]);
  const viaVariable = await postGraphQL(stack.gatewayUrl, `query($f: CitizenFilter) { citizens(filter: $f, first: 2) { totalCount } }`, { f: { nameContains: 'nguyen' } });
  expect(forbidden(viaVariable)[0]).toMatchObject({ field: 'CitizenFilter.nameContains', reason: 'AUTHENTICATION_REQUIRED' });

  const granted = await postGraphQL(stack.gatewayUrl, query, undefined, await callerHeaders({ agency: 'TEST-SERVICE', purpose: 'service-delivery' }));
  expect(granted.errors).toBeUndefined();
  expect(granted.data.citizens.totalCount).toBeGreaterThan(0);
});

test('one operation asked again by other callers, for other persons and with other filters is decided anew each time', async () => {
  // The gateway reuses an operation's access plan (plan-cache.ts): it must never carry one
  // request's decision over to another.
  const query = `query Again($id: ID!, $f: CitizenFilter) { citizen(id: $id) { id fullName } citizens(filter: $f, first: 1) { totalCount } }`;
  const other = (await postGraphQL(stack.gatewayUrl, `{ citizens(first: 2) { edges { node { id } } } }`)).data.citizens.edges[1].node.id;
  const service = await callerHeaders({ agency: 'TEST-SERVICE', purpose: 'service-delivery' });
  const byUnit = { residenceId: '721' };
  const byName = { nameContains: 'nguyen' };

  const first = await postGraphQL(stack.gatewayUrl, query, { id: citizenId, f: byUnit }, service);
  expect(first.errors).toBeUndefined();
  const second = await postGraphQL(stack.gatewayUrl, query, { id: other, f: byUnit }, service);
  expect(second.errors).toBeUndefined();
  expect(second.data.citizen.id).toBe(other);
  expect(second.data.citizen.fullName).not.toBe(first.data.citizen.fullName);

  const anonymous = await postGraphQL(stack.gatewayUrl, query, { id: citizenId, f: byUnit });
  expect(anonymous.data.citizen.fullName).toBeNull();
  expect(forbidden(anonymous)).toEqual([{ path: ['citizen', 'fullName'], reason: 'AUTHENTICATION_REQUIRED', field: 'Citizen.fullName' }]);
  const wrongPurpose = await postGraphQL(stack.gatewayUrl, query, { id: citizenId, f: byUnit }, await callerHeaders({ agency: 'TEST-SERVICE', purpose: 'marketing' }));
  expect(forbidden(wrongPurpose)).toEqual([{ path: ['citizen', 'fullName'], reason: 'PURPOSE_NOT_GRANTED', field: 'Citizen.fullName' }]);

  // The same document filtering on a personal field: denied for the analyst, not for the service.
  const analyst = await callerHeaders({ agency: 'TEST-ANALYST', purpose: 'statistics' });
  const analystByUnit = await postGraphQL(stack.gatewayUrl, query, { id: citizenId, f: byUnit }, analyst);
  expect(analystByUnit.data.citizens.totalCount).toBeGreaterThan(0);
  expect(forbidden(analystByUnit).map((e) => e.field)).toEqual(['Citizen.fullName']);
  const analystByName = await postGraphQL(stack.gatewayUrl, query, { id: citizenId, f: byName }, analyst);
  expect(forbidden(analystByName)).toContainEqual({ path: ['citizens'], reason: 'NOT_GRANTED', field: 'CitizenFilter.nameContains' });
  const serviceByName = await postGraphQL(stack.gatewayUrl, query, { id: citizenId, f: byName }, service);
  expect(serviceByName.errors).toBeUndefined();
  expect(serviceByName.data.citizens.totalCount).toBeGreaterThan(0);
});

test('strict mode rejects the whole operation when any field is denied', async () => {
  const headers = { ...(await callerHeaders({ agency: 'TEST-BASIC-ONLY', purpose: 'service-delivery' })), 'x-access-strict': 'true' };
  const res = await postGraphQL(stack.gatewayUrl, `query($id: ID!) { citizen(id: $id) { id fullName ethnicity } }`, { id: citizenId }, headers);
  expect(res.status).toBe(403);
  expect(res.data).toBeUndefined();
  expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', denied: [{ field: 'Citizen.ethnicity', reason: 'SENSITIVE_NOT_NAMED' }] });
  const allowed = await postGraphQL(stack.gatewayUrl, `query($id: ID!) { citizen(id: $id) { id fullName } }`, { id: citizenId }, headers);
  expect(allowed.errors).toBeUndefined();
});

describe('token errors are UNAUTHENTICATED and say what is wrong', () => {
  test.each([
    ['an expired token', () => testToken({ agency: 'TEST-SERVICE', ttl: -3600 }), /expired/],
    ['a token for another audience', () => testToken({ agency: 'TEST-SERVICE', audience: 'someone-else' }), /"aud"/],
    ['a token from another issuer', () => testToken({ agency: 'TEST-SERVICE', issuer: 'evil' }), /"iss"/],
    ['a token with a forged signature', async () => (await testToken({ agency: 'TEST-SERVICE' })).replace(/\.[^.]+$/, '.AAAA'), /signature|malformed/],
    ['a token that is not a JWT', async () => 'not-a-jwt', /malformed/],
  ])('%s', async (_case, token, message) => {
    const res = await postGraphQL(stack.gatewayUrl, `{ sectors { code } }`, undefined, { authorization: `Bearer ${await token()}` });
    expect(res.status).toBe(401);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(message);
  });

  test('a malformed Authorization header', async () => {
    const res = await postGraphQL(stack.gatewayUrl, `{ sectors { code } }`, undefined, { authorization: 'Basic abc' });
    expect(res.status).toBe(401);
    expect(res.errors![0].message).toMatch(/Bearer/);
  });
});
