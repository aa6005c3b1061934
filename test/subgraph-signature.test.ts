import { signRequest } from '../subgraphs/kit/signature';
import { callerHeaders, SERVICE_AGENCY } from './support/access';
import { gatewaySignatureHeaders, postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';
import { testSigningSecret } from './support/test-env';

// Subgraphs trust only the gateway: a direct call must carry the gateway's signature over its
// method, path, body, time and caller headers, or it is refused before any resolver runs.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ subgraphs: ['population'] });
});
afterAll(async () => {
  await stack?.stop();
});

const QUERY = '{ administrativeUnit(id: "721") { id name population } }';
const BODY = JSON.stringify({ query: QUERY });

function population() {
  return stack.subgraphs.population;
}

async function post(headers: Record<string, string>, body = BODY) {
  const response = await fetch(population().url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, json: (await response.json()) as any };
}

/** Sends a refused request and checks that no resolver ran (no SQL statement). */
async function expectRefused(headers: Record<string, string>, reason: string, body = BODY) {
  population().database.resetSqlStatements();
  const { status, json } = await post(headers, body);
  expect(status).toBe(401);
  expect(json.data).toBeUndefined();
  expect(json.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason });
  expect(json.errors[0].message).toMatch(/gateway/);
  expect(population().database.sqlStatements()).toBe(0);
  return json.errors[0].message as string;
}

test('a direct, unsigned call is refused', async () => {
  const message = await expectRefused({}, 'SIGNATURE_MISSING');
  expect(message).toContain('x-gateway-signature');
});

test('a call signed as the gateway signs is answered', async () => {
  const { status, json } = await post(gatewaySignatureHeaders(population().url, BODY));
  expect(status).toBe(200);
  expect(json.errors).toBeUndefined();
  expect(json.data.administrativeUnit.name).toBe('Thành phố Bến Cát');
});

test('a signed call whose body was altered is refused', async () => {
  const headers = gatewaySignatureHeaders(population().url, BODY);
  await expectRefused(headers, 'SIGNATURE_INVALID', BODY.replace('721', '718'));
});

test('a stale signature is refused, saying how old it is and the limit', async () => {
  const headers = signRequest({ secret: testSigningSecret(), method: 'POST', path: '/graphql', body: BODY, now: Date.now() - 31_000 });
  const message = await expectRefused(headers, 'SIGNATURE_EXPIRED');
  expect(message).toContain('30000 ms');
});

test('a signature dated in the future is refused', async () => {
  const headers = signRequest({ secret: testSigningSecret(), method: 'POST', path: '/graphql', body: BODY, now: Date.now() + 60_000 });
  await expectRefused(headers, 'SIGNATURE_FROM_FUTURE');
});

test('a signature made with another secret is refused', async () => {
  const headers = signRequest({ secret: 'x'.repeat(64), method: 'POST', path: '/graphql', body: BODY });
  await expectRefused(headers, 'SIGNATURE_INVALID');
});

test('caller headers cannot be added to or changed in a signed call', async () => {
  const anonymous = gatewaySignatureHeaders(population().url, BODY);
  await expectRefused({ ...anonymous, 'x-caller-agency': 'TEST-SERVICE', 'x-caller-scopes': 'analyst' }, 'SIGNATURE_INVALID');
  const signedAgency = gatewaySignatureHeaders(population().url, BODY, { 'x-caller-agency': 'TEST-BASIC-ONLY', 'x-caller-sub': 'officer' });
  expect((await post(signedAgency)).status).toBe(200);
  await expectRefused({ ...signedAgency, 'x-caller-agency': 'TEST-SERVICE' }, 'SIGNATURE_INVALID');
  // The units an agency acts for (its grants' actsFor) are signed like the rest of the identity.
  const acting = gatewaySignatureHeaders(population().url, BODY, { 'x-caller-agency': 'TEST-BASIC-ONLY', 'x-caller-acts-for': '721 25741' });
  expect((await post(acting)).status).toBe(200);
  expect(population().lastCaller()).toEqual({ sub: undefined, agency: 'TEST-BASIC-ONLY', scopes: [], purpose: undefined, actsFor: ['721', '25741'] });
  await expectRefused({ ...acting, 'x-caller-acts-for': '74' }, 'SIGNATURE_INVALID');
  await expectRefused({ ...signedAgency, 'x-caller-acts-for': '74' }, 'SIGNATURE_INVALID');
  // The path is signed too (a signature for another endpoint does not carry over).
  await expectRefused(signRequest({ secret: testSigningSecret(), method: 'POST', path: '/other', body: BODY }), 'SIGNATURE_INVALID');
});

test('through the gateway, the subgraph sees the caller the gateway identified, not headers the client set', async () => {
  // A client cannot smuggle an identity: the gateway does not forward x-caller-* headers.
  const forged = await postGraphQL(stack.gatewayUrl, QUERY, undefined, { 'x-caller-agency': 'TEST-SERVICE', 'x-caller-scopes': 'analyst', 'x-caller-sub': 'admin' });
  expect(forged.errors).toBeUndefined();
  expect(population().lastCaller()).toEqual({ sub: undefined, agency: undefined, scopes: [], purpose: undefined });

  const identified = await postGraphQL(stack.gatewayUrl, QUERY, undefined, await callerHeaders({ agency: SERVICE_AGENCY, sub: 'officer-7', scopes: ['read', 'analyst'], purpose: 'statistics' }));
  expect(identified.errors).toBeUndefined();
  expect(population().lastCaller()).toEqual({ sub: 'officer-7', agency: SERVICE_AGENCY, scopes: ['read', 'analyst'], purpose: 'statistics' });
});
