import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runIocRefreshCli } from '../cli';
import { parseCliOptions } from '../cli-options';
import { RefreshError, RefreshErrorCode } from '../errors';
import { queryGateway } from '../gateway-client';
import { dossierPeriodWeeks, lastWeeks } from '../weeks';

// The job's command line and its answers to a gateway that is down or failing: bad input is
// exit 2, a failure exit 1, each with a message that says what to do.

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runIocRefreshCli(argv, { stdout, stderr, env });
  return { code, out, err };
}

/** A server answering every request with one status and body. */
async function fakeGateway(status: number, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

async function closedPortUrl(): Promise<string> {
  const { url, server } = await fakeGateway(200, '{}');
  await new Promise((resolve) => server.close(resolve));
  return url;
}

it('covers the 143 ISO weeks of 2022-01-01..2024-09-30, Monday to Sunday', () => {
  const weeks = dossierPeriodWeeks();
  expect(weeks).toHaveLength(143);
  expect(weeks[0]).toEqual({ period: '2022-W01', periodStart: '2022-01-03', periodEnd: '2022-01-09' });
  expect(weeks[142]).toEqual({ period: '2024-W39', periodStart: '2024-09-23', periodEnd: '2024-09-29' });
  expect(lastWeeks(2).map((w) => w.period)).toEqual(['2024-W38', '2024-W39']);
});

it('reads its options from the command line and the environment', () => {
  expect(parseCliOptions([], {})).toEqual({ help: false, weeks: undefined, gatewayUrl: 'http://127.0.0.1:4000/graphql', token: undefined });
  expect(parseCliOptions(['--weeks', '12', '--gateway', 'http://gw.example:8080'], {})).toMatchObject({ weeks: 12, gatewayUrl: 'http://gw.example:8080/graphql' });
  expect(parseCliOptions([], { GATEWAY_PORT: '4100' }).gatewayUrl).toBe('http://127.0.0.1:4100/graphql');
  expect(parseCliOptions([], { GATEWAY_URL: 'https://gw.example/api/graphql', BDG_TOKEN: 'a.b.c' })).toMatchObject({ gatewayUrl: 'https://gw.example/api/graphql', token: 'a.b.c' });
});

it.each([
  [['--weeks', '0'], '--weeks must be a whole number of weeks from 1 to 143'],
  [['--weeks', '144'], '--weeks must be a whole number of weeks from 1 to 143'],
  [['--weeks', '2.5'], '--weeks must be a whole number'],
  [['--weeks'], "Option '--weeks <value>' argument missing"],
  [['--gateway', 'ftp://x'], '--gateway must be an http:// or https:// URL'],
  [['--gateway', 'localhost:4000'], '--gateway must be an http:// or https:// URL'],
  [['--token', 'not a jwt'], '--token (or BDG_TOKEN) must be a JWT'],
  [['--verbose'], "Unknown option '--verbose'"],
  [['now'], "Unexpected argument 'now'"],
])('refuses %j with exit 2 and a message', async (argv, message) => {
  const { code, err } = await run(argv);
  expect(code).toBe(2);
  expect(err).toContain(message);
  expect(err).toContain('usage: npm run -s ioc:refresh');
});

it('prints its usage with --help', async () => {
  const { code, out } = await run(['--help']);
  expect(code).toBe(0);
  expect(out).toContain('--weeks N');
});

it('says to seed the indicators database when it holds no catalogue (exit 1)', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bdg-test-ioc-'));
  try {
    const { code, err } = await run(['--weeks', '1', '--gateway', await closedPortUrl()], { DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(err).toContain('holds no indicator catalogue: seed it first');
    expect(err).toContain(RefreshErrorCode.INDICATORS_NOT_SEEDED);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('answers from the gateway', () => {
  /** The RefreshError a query to the gateway at `url` fails with. */
  async function ask(url: string): Promise<RefreshError> {
    const error = await queryGateway({ url, rateLimitRetries: 0 }, '{ __typename }', {}).then(() => undefined, (e: unknown) => e);
    if (!(error instanceof RefreshError)) throw new Error(`expected a RefreshError, got ${String(error)}`);
    return error;
  }

  it('says to start the gateway when nothing listens', async () => {
    const error = await ask(await closedPortUrl());
    expect(error.code).toBe(RefreshErrorCode.GATEWAY_UNREACHABLE);
    expect(error.message).toMatch(/ECONNREFUSED\): is the gateway running\? Start it with "npm start"/);
  });

  it('reports an HTTP error without a GraphQL body', async () => {
    const { url, server } = await fakeGateway(502, 'Bad Gateway');
    try {
      const error = await ask(url);
      expect(error.code).toBe(RefreshErrorCode.GATEWAY_HTTP_ERROR);
      expect(error.message).toContain('answered HTTP 502 without a GraphQL result (Bad Gateway)');
    } finally {
      server.close();
    }
  });

  it('reports GraphQL errors with their codes and what to do', async () => {
    const body = JSON.stringify({ errors: [{ message: 'The bearer token has expired; get a new one', extensions: { code: 'UNAUTHENTICATED' } }] });
    const { url, server } = await fakeGateway(401, body);
    try {
      const error = await ask(url);
      expect(error.code).toBe(RefreshErrorCode.GATEWAY_GRAPHQL_ERROR);
      expect(error.message).toContain('UNAUTHENTICATED: The bearer token has expired');
      expect(error.message).toContain('leave --token and BDG_TOKEN unset');
      expect(error.gatewayError('UNAUTHENTICATED')).toBeDefined();
    } finally {
      server.close();
    }
  });

  it('treats a partial result as a failure: a missing rate is not a rate', async () => {
    const body = JSON.stringify({ data: { administrativeUnit: { id: '74', w0: null } }, errors: [{ message: 'dossiers is down', path: ['administrativeUnit', 'w0'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] });
    const { url, server } = await fakeGateway(200, body);
    try {
      const error = await ask(url);
      expect(error.code).toBe(RefreshErrorCode.GATEWAY_GRAPHQL_ERROR);
      expect(error.message).toContain('SUBGRAPH_UNAVAILABLE: dossiers is down (at administrativeUnit.w0)');
    } finally {
      server.close();
    }
  });
});
