import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import type { RunningGateway } from '../gateway/src/gateway';
import { documentHash } from '../gateway/src/plugins/persisted-operations';
import { callerHeaders } from './support/access';
import { gatewayWithLimits } from './support/gateway-over';
import { startStack, Stack, subgraphRequests } from './support/stack';

// Persisted operations: Apollo's automatic persisted queries through the gateway (shared by
// replicas through Redis), and the trusted-documents mode that accepts only registered
// documents, except from analysts.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REGISTERED = '{ administrativeUnit(id: "721") { id name } }';
const AD_HOC = '{ administrativeUnit(id: "718") { id name } }';

let stack: Stack;
const gateways: RunningGateway[] = [];
beforeAll(async () => {
  stack = await startStack({ subgraphs: ['population'] });
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  await stack?.stop();
});

async function gateway(env: Record<string, string>): Promise<RunningGateway> {
  const running = await gatewayWithLimits({ population: stack.subgraphs.population.url }, env);
  gateways.push(running);
  return running;
}

async function send(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as any) };
}

const byHash = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(query) } } });

describe('automatic persisted queries', () => {
  test('a hash is unknown until registered with its document, then enough on its own', async () => {
    const query = `{ administrativeUnit(id: "72${randomBytes(1)[0] % 10}") { id } }`;
    const g = await gateway({});
    const unknown = await send(g.url, byHash(query));
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await send(g.url, { query, ...byHash(query) });
    expect(registered.errors).toBeUndefined();
    const hashOnly = await send(g.url, byHash(query));
    expect(hashOnly.errors).toBeUndefined();
    expect(hashOnly.data).toEqual(registered.data);
  });

  test('with REDIS_URL, a hash registered at one gateway replica is known at another', async () => {
    const query = `{ administrativeUnit(id: "721") { id name level ${randomBytes(4).toString('hex').replace(/\d/g, '')}: code } }`;
    const [a, b] = [await gateway({ REDIS_URL }), await gateway({ REDIS_URL })];
    expect((await send(a.url, { query, ...byHash(query) })).errors).toBeUndefined();
    const atB = await send(b.url, byHash(query));
    expect(atB.errors).toBeUndefined();
    expect(atB.data.administrativeUnit.name).toBe('Thành phố Bến Cát');
    const redis = new Redis(REDIS_URL);
    try {
      await redis.del(`bdg:apq:apq:${documentHash(query)}`);
    } finally {
      redis.disconnect();
    }
  });
});

describe('trusted documents (TRUSTED_DOCUMENTS=on)', () => {
  let trusted: RunningGateway;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bdg-trusted-'));
    const file = path.join(dir, 'trusted-documents.json');
    writeFileSync(file, JSON.stringify({ [documentHash(REGISTERED)]: REGISTERED }));
    trusted = await gateway({ TRUSTED_DOCUMENTS: 'on', TRUSTED_DOCUMENTS_FILE: file });
  });

  test('an unregistered document is PERSISTED_QUERY_NOT_TRUSTED, before any subgraph is called', async () => {
    stack.subgraphs.population.resetGraphqlRequests();
    const res = await send(trusted.url, { query: AD_HOC });
    expect(res.status).toBe(400);
    expect(res.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
    expect(res.errors[0].message).toContain('"analyst" scope');
    // Neither can it be registered through APQ.
    const viaApq = await send(trusted.url, { query: AD_HOC, ...byHash(AD_HOC) });
    expect(viaApq.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
    const agency = await send(trusted.url, { query: AD_HOC }, await callerHeaders({ agency: 'TEST-BASIC-ONLY', scopes: ['read'] }));
    expect(agency.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
    expect(subgraphRequests(stack)).toEqual({ population: 0 });
  });

  test('a registered document is accepted by its exact text or by its hash alone', async () => {
    const byText = await send(trusted.url, { query: REGISTERED });
    expect(byText.errors).toBeUndefined();
    expect(byText.data.administrativeUnit.name).toBe('Thành phố Bến Cát');
    // Never sent through APQ before: the manifest supplies the text.
    const hashOnly = await send(trusted.url, byHash(REGISTERED));
    expect(hashOnly.errors).toBeUndefined();
    expect(hashOnly.data).toEqual(byText.data);
  });

  test("an analyst's ad-hoc query is still answered", async () => {
    const res = await send(trusted.url, { query: AD_HOC }, await callerHeaders({ agency: 'TEST-ANALYST', scopes: ['analyst'] }));
    expect(res.errors).toBeUndefined();
    expect(res.data.administrativeUnit.id).toBe('718');
  });

  test('is off by default: the same ad-hoc query is answered anonymously', async () => {
    const open = await gateway({});
    expect((await send(open.url, { query: AD_HOC })).errors).toBeUndefined();
  });
});
