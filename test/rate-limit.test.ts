import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { RunningGateway } from '../gateway/src/gateway';
import { rateLimitKey } from '../gateway/src/plugins/rate-limit';
import { callerHeaders } from './support/access';
import { postGraphQL } from './support/graphql-client';
import { ServiceProcess, startGatewayProcess } from './support/processes';
import { gatewayWithLimits } from './support/gateway-over';
import { startStack, Stack, subgraphRequests } from './support/stack';

// Per-agency token buckets: in memory per gateway replica by default, shared by all replicas
// through Redis when REDIS_URL is set. A refusal is RATE_LIMITED with HTTP 429 and Retry-After.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUERY = '{ administrativeUnit(id: "721") { name } }';

let stack: Stack;
const gateways: RunningGateway[] = [];
beforeAll(async () => {
  stack = await startStack({ subgraphs: ['population'] });
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.stop()));
  await stack?.stop();
});

async function inProcessGateway(env: Record<string, string>): Promise<RunningGateway> {
  const running = await gatewayWithLimits({ population: stack.subgraphs.population.url }, env);
  gateways.push(running);
  return running;
}

async function call(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: QUERY }) });
  const body: any = await response.json();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code as string | undefined, message: body.errors?.[0]?.message as string | undefined, data: body.data };
}

function expectLimited(res: Awaited<ReturnType<typeof call>>, perMinute: number, burst: number) {
  expect(res.status).toBe(429);
  expect(res.code).toBe('RATE_LIMITED');
  expect(res.data).toBeUndefined();
  const seconds = Number(res.retryAfter);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(Math.ceil(60 / perMinute));
  expect(res.message).toContain(`${perMinute} requests per minute`);
  expect(res.message).toContain(`bursts of up to ${burst}`);
  expect(res.message).toContain(`Retry after ${seconds} s`);
}

describe('in memory (no REDIS_URL)', () => {
  test('a burst is admitted, the next request is refused before any subgraph is called', async () => {
    const gateway = await inProcessGateway({ RATE_LIMIT_PER_MINUTE: '2', RATE_LIMIT_BURST: '3' });
    for (let i = 0; i < 3; i += 1) expect((await call(gateway.url)).data.administrativeUnit.name).toBe('Thành phố Bến Cát');
    stack.subgraphs.population.resetGraphqlRequests();
    expectLimited(await call(gateway.url), 2, 3);
    expect(subgraphRequests(stack)).toEqual({ population: 0 });
  });

  test('each agency has its own bucket, and anonymous callers share one per address', async () => {
    const gateway = await inProcessGateway({ RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '2' });
    const agencyA = await callerHeaders({ agency: 'TEST-BASIC-ONLY', sub: 'a1' });
    const agencyAOtherUser = await callerHeaders({ agency: 'TEST-BASIC-ONLY', sub: 'a2' });
    const agencyB = await callerHeaders({ agency: 'TEST-ANALYST', sub: 'b1' });
    expect((await call(gateway.url, agencyA)).status).toBe(200);
    expect((await call(gateway.url, agencyAOtherUser)).status).toBe(200);
    // Another user of the same agency draws from the agency's bucket.
    expectLimited(await call(gateway.url, agencyA), 1, 2);
    expect((await call(gateway.url, agencyB)).status).toBe(200);
    expect((await call(gateway.url)).status).toBe(200);
    expect((await call(gateway.url)).status).toBe(200);
    expectLimited(await call(gateway.url), 1, 2);
  });

  test('a caller without an agency (a citizen) has a bucket keyed by a hash of the user, never the CCCD', async () => {
    const cccd = '074095001234';
    const { key } = rateLimitKey({ caller: { kind: 'user', subject: cccd, scopes: ['citizen'] } });
    expect(key).toMatch(/^user:[0-9a-f]{32}$/);
    expect(key).not.toContain(cccd);
    expect(rateLimitKey({ caller: { kind: 'user', subject: 'other', scopes: [] } }).key).not.toBe(key);
    expect(rateLimitKey({ caller: { kind: 'user', subject: cccd, agency: 'SO-Y-TE', scopes: [] } }).key).toBe('agency:SO-Y-TE');
  });

  test('two replicas without Redis keep separate buckets', async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '2' };
    const [a, b] = [await inProcessGateway(env), await inProcessGateway(env)];
    for (let i = 0; i < 2; i += 1) expect((await call(a.url)).status).toBe(200);
    expectLimited(await call(a.url), 1, 2);
    expect((await call(b.url)).status).toBe(200);
  });

  test('RATE_LIMIT_PER_MINUTE=0 turns limiting off', async () => {
    const gateway = await inProcessGateway({ RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_BURST: '1' });
    for (let i = 0; i < 5; i += 1) expect((await call(gateway.url)).status).toBe(200);
  });
});

describe('two gateway processes sharing a real Redis', () => {
  const prefix = `bdg:test:rate:${randomBytes(6).toString('hex')}:`;
  let processes: ServiceProcess[] = [];
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  test('requests to either process draw from one bucket per agency', async () => {
    const env = { REDIS_URL, RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '4', RATE_LIMIT_REDIS_PREFIX: prefix };
    // One after the other: the second finds the access-record tables the first created.
    processes.push(await startGatewayProcess({ population: stack.subgraphs.population.url }, env));
    processes.push(await startGatewayProcess({ population: stack.subgraphs.population.url }, env));
    const [a, b] = processes.map((p) => p.url);
    expect(new Set(processes.map((p) => p.pid)).size).toBe(2);
    // 4 admitted in all, alternating processes: either alone would still have tokens left.
    for (const url of [a, b, a, b]) expect((await call(url)).data.administrativeUnit.name).toBe('Thành phố Bến Cát');
    expectLimited(await call(a), 1, 4);
    expectLimited(await call(b), 1, 4);
    // The bucket lives in Redis, under the configured prefix, keyed by caller.
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.keys(`${prefix}*`)).toEqual([`${prefix}ip:127.0.0.1`]);
    } finally {
      redis.disconnect();
    }
  });
});
