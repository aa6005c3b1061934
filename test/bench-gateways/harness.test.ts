import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createAuthenticator } from '../../gateway/src/plugins/auth';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevKeys } from '../../gateway/src/plugins/auth/dev-keys';
import { answerDifference } from '../../bench/gateways/check';
import type { RecordedCall } from '../../bench/gateways/plans/recorder';
import { stagesOf } from '../../bench/gateways/plans/recorder';
import { startAnswerMemo } from '../../bench/gateways/project/answer-memo';
import { graphqlRequestsOf } from '../../bench/gateways/project/workload';
import { subgraphNames, withRoutingUrls } from '../../bench/gateways/routing-urls';
import { tokenMinter } from '../../bench/gateways/tokens';
import { gatewayConfig } from '../../bench/gateways/gateways/hive-fair-merging.config';
import type { ThroughputSummary } from '../../bench/gateways/results';
import { addRatios } from '../../bench/gateways/summarize';

// The correctness pieces of the gateway benchmark (bench/gateways): its per-request tokens are
// ones this project's gateway accepts, every one different; plan stages, routing URLs, answer
// checks and subgraph request counts mean what the report says.

test('every minted token is different and this project\'s gateway accepts it as the agency\'s officer', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bdg-bench-keys-'));
  const mint = await tokenMinter(dir, { agency: 'DEMO-AGENCY' });
  const tokens = Array.from({ length: 50 }, () => mint());
  expect(new Set(tokens).size).toBe(50);
  expect(mint.count()).toBe(50);
  const auth = createAuthenticator({ publicKeyFiles: [(await ensureDevKeys(dir)).publicKeyFile], issuer: DEV_ISSUER, audience: DEV_AUDIENCE, development: false });
  for (const token of tokens.slice(0, 3)) {
    await expect(auth.identify(`Bearer ${token}`)).resolves.toEqual({ kind: 'user', subject: 'bench@DEMO-AGENCY', agency: 'DEMO-AGENCY', scopes: [] });
  }
});

const call = (subgraph: string, arrivedAt: number, answeredAt: number): RecordedCall => ({ subgraph, url: '', body: '', response: '', status: 200, arrivedAt, answeredAt });

test('a call arriving after another was answered is in a later stage; calls in flight together share one', () => {
  const stages = stagesOf([call('a', 0, 30), call('b', 1, 30), call('c', 31, 60), call('d', 32, 62), call('e', 61, 90)]);
  expect(stages.map((s) => s.map((c) => c.subgraph))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
});

test('routing URLs are rewritten by subgraph name, and an unknown name is an error', () => {
  const sdl = 'enum join__Graph {\n  A @join__graph(name: "a", url: "http://x/a")\n  B @join__graph(name: "b", url: "http://x/b")\n}';
  const rewritten = withRoutingUrls(sdl, { a: 'http://127.0.0.1:1/graphql', b: 'http://127.0.0.1:2/graphql' });
  expect(rewritten).toContain('@join__graph(name: "a", url: "http://127.0.0.1:1/graphql")');
  expect(rewritten).toContain('@join__graph(name: "b", url: "http://127.0.0.1:2/graphql")');
  expect(subgraphNames(rewritten)).toEqual(['a', 'b']);
  expect(() => withRoutingUrls(sdl, { a: 'http://y' })).toThrow('no routing URL for subgraph "b"');
});

test('an answer matches on data and errors, whatever its extensions', () => {
  const expected = { data: { a: [1, 2] } };
  expect(answerDifference('{"data":{"a":[1,2]},"extensions":{"t":1}}', expected)).toBeUndefined();
  expect(answerDifference('{"data":{"a":[1,2]},"errors":[{"message":"x"}]}', expected)).toMatch(/errors/);
  expect(answerDifference('{"data":{"a":[2,1]}}', expected)).toBe('$.data.a[0]: 2 ≠ expected 1');
  expect(answerDifference('<html>', expected)).toMatch(/^not JSON/);
});

test('a subgraph\'s request count is the sum of its graphql_requests_total series', () => {
  const metrics = ['# HELP graphql_requests_total x', 'graphql_requests_total{operation="subgraph",outcome="ok"} 12', 'graphql_requests_total{operation="subgraph",outcome="error"} 3', 'graphql_request_duration_seconds_count{operation="subgraph"} 15'].join('\n');
  expect(graphqlRequestsOf(metrics)).toBe(15);
});

test('the fair Hive comparison leaves out rows that merge personal requests across callers, on workloads that have them', () => {
  const rows = (rps: Record<string, number>) => Object.entries(rps).map(([gateway, value]) => ({ gateway, rps: value }) as ThroughputSummary);
  const measured = { project: 120, apollo: 40, hive: 150, 'hive-nodedupe': 80, 'hive-fair': 100, 'hive-router': 160, 'hive-router-nodedupe': 90, 'hive-router-fair': 110 };
  const personal = rows(measured);
  addRatios(personal, { personal: true });
  const ours = personal.find((s) => s.gateway === 'project')!;
  expect(ours.ratioToApollo).toBeCloseTo(3);
  expect(ours.ratioToBestHiveMergingOff).toBeCloseTo(120 / 90);
  expect(ours.ratioToBestHive).toBeCloseTo(120 / 160); // defaults and merging off, not the fair configuration rows
  expect(ours.ratioToBestFairHive).toBeCloseTo(120 / 110);
  const standard = rows({ project: 120, apollo: 40, hive: 150, 'hive-router': 160, 'hive-router-nodedupe': 90 });
  addRatios(standard, { personal: false });
  expect(standard[0].ratioToBestFairHive).toBeCloseTo(120 / 160); // nothing personal to merge: the defaults are fair
});

test('Hive\'s fair-merging configuration sends the caller\'s token along only with requests that declare a purpose', () => {
  const forward = (headers: Record<string, string>) => gatewayConfig.propagateHeaders.fromClientToSubgraphs({ request: new Request('http://gateway/graphql', { headers }) });
  expect(forward({ authorization: 'Bearer a', 'x-purpose': 'demo' })).toEqual({ authorization: 'Bearer a' });
  expect(forward({ authorization: 'Bearer a' })).toEqual({});
  expect(forward({ 'x-purpose': 'demo' })).toEqual({});
});

test('the project-replayed workload\'s memo asks the real subgraph once per body, passes headers on, and never keeps an answer with errors', async () => {
  const seen: { body: string; caller?: string }[] = [];
  const target = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ body, caller: req.headers['x-caller-sub'] as string | undefined });
      if (body.includes('html')) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
      const answer = body.includes('bad') ? { data: null, errors: [{ message: 'no' }] } : { data: { n: seen.length } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const memo = await startAnswerMemo(`http://127.0.0.1:${(target.address() as AddressInfo).port}/graphql`);
  try {
    const post = async (body: string) => (await fetch(memo.url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-caller-sub': 'officer-1' } })).json();
    expect(await post('{"query":"{ a }"}')).toEqual({ data: { n: 1 } });
    expect(await post('{"query":"{ a }"}')).toEqual({ data: { n: 1 } }); // from memory
    expect(await post('{"query":"{ b }"}')).toEqual({ data: { n: 2 } });
    await post('{"query":"{ bad }"}');
    await post('{"query":"{ bad }"}');
    // An answer that is not JSON is passed on, not kept, and does not stop the memo.
    for (let i = 0; i < 2; i++) expect(await (await fetch(memo.url, { method: 'POST', body: '{"query":"{ html }"}' })).text()).toBe('<html>');
    expect(seen.map((s) => s.body)).toEqual(['{"query":"{ a }"}', '{"query":"{ b }"}', '{"query":"{ bad }"}', '{"query":"{ bad }"}', '{"query":"{ html }"}', '{"query":"{ html }"}']);
    expect(seen[0].caller).toBe('officer-1');
    expect(await (await fetch(new URL('/count', memo.url))).json()).toEqual({ requests: 7 });
  } finally {
    await memo.close();
    await new Promise((resolve) => target.close(resolve));
  }
});
