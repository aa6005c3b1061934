import { ChildProcess, execFileSync, fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_NODE_FLAGS } from '../gateway/src/node-flags';
import { BUILT_IN_SUBGRAPHS, loadSubgraph } from '../subgraphs/catalog';
import { closeGracefully, startSubgraph } from '../subgraphs/kit';
import { FaultProxy, startFaultProxy } from './support/fault-proxy';
import { postGraphQL } from './support/graphql-client';
import { distScript, eventually, ServiceProcess, within, startGatewayProcess, startSubgraphProcess } from './support/processes';

// Points 2 and 3 of issue #8: /healthz and /readyz as Kubernetes probes expect them (gateway:
// ready while a supergraph is loaded, whatever one subgraph does; subgraph: ready while its
// database answers), and graceful shutdown on SIGTERM: stop accepting, finish in-flight
// requests within the deadline, close the pools, exit 0 — also through the npm start launcher.

const NAMES: string[] = [...BUILT_IN_SUBGRAPHS];
const QUERY = `{ administrativeUnit(id: "721") { name businessStats { total } } }`;
const base = (url: string) => url.replace(/\/graphql$/, '');
const getJson = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as any };
};
/** True once nothing accepts connections at the URL any more. */
const refused = async (url: string) => {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return undefined;
  } catch {
    return true;
  }
};

const subgraphs: Record<string, ServiceProcess> = {};
let proxy: FaultProxy | undefined;
let gateway: ServiceProcess | undefined;

beforeAll(async () => {
  for (const s of await Promise.all(NAMES.map((name) => startSubgraphProcess(name, { env: { LOG_LEVEL: 'info' } })))) subgraphs[s.name] = s;
});
afterEach(async () => {
  await gateway?.stop('SIGKILL');
  gateway = undefined;
  await proxy?.close();
  proxy = undefined;
});
afterAll(async () => {
  await Promise.all(Object.values(subgraphs).map((s) => s.stop('SIGKILL')));
});
const urls = (overrides: Record<string, string> = {}) => ({ ...Object.fromEntries(NAMES.map((n) => [n, subgraphs[n].url])), ...overrides });

describe('health probes', () => {
  test('gateway: /healthz is 200; /readyz is 200 with every subgraph reported, and stays 200 when one subgraph is dead', async () => {
    proxy = await startFaultProxy(subgraphs.business.url);
    gateway = await startGatewayProcess(urls({ business: proxy.url }), { SUBGRAPH_BREAKER_RESET_MS: '60000' });
    expect(await getJson(`${base(gateway.url)}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
    await postGraphQL(gateway.url, QUERY);
    const ready = await getJson(`${base(gateway.url)}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(Object.keys(ready.body.subgraphs).sort()).toEqual([...NAMES].sort());
    expect(ready.body.subgraphs.business).toEqual({ circuit: 'closed', lastCall: 'ok' });

    // business dies: the gateway reports it (failed calls, then an open circuit) but stays in rotation.
    proxy.mode = 'reset';
    for (let i = 0; i < 10; i += 1) await postGraphQL(gateway.url, QUERY);
    const degraded = await getJson(`${base(gateway.url)}/readyz`);
    expect(degraded.status).toBe(200);
    expect(degraded.body.subgraphs.business).toEqual(expect.objectContaining({ circuit: 'open', lastCall: 'SUBGRAPH_CIRCUIT_OPEN', lastFailureAt: expect.any(String) }));
    expect(degraded.body.subgraphs.population).toEqual(expect.objectContaining({ circuit: 'closed', lastCall: 'ok' }));
    expect((await getJson(`${base(gateway.url)}/healthz`)).status).toBe(200);
  });

  test('subgraph: /healthz is 200, /readyz is 200 while its database answers', async () => {
    for (const name of NAMES) {
      expect(await getJson(`${base(subgraphs[name].url)}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await getJson(`${base(subgraphs[name].url)}/readyz`)).toEqual({ status: 200, body: { status: 'ready', database: 'up' } });
    }
  });

  test('subgraph: /readyz is 503 when its database is gone, while /healthz stays 200', async () => {
    const running = await startSubgraph(loadSubgraph('indicators'), { config: { port: 0, signatureChecks: false }, seedIfEmpty: false });
    try {
      await running.database.close();
      expect(await getJson(`${base(running.url)}/readyz`)).toEqual({ status: 503, body: { status: 'not ready', database: 'down' } });
      expect((await getJson(`${base(running.url)}/healthz`)).status).toBe(200);
    } finally {
      await running.stop().catch(() => undefined);
    }
  });
});

describe('graceful shutdown', () => {
  test('closeGracefully: refuses new connections, lets the in-flight request finish, and closes a request still running at the deadline', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const server = http.createServer(async (req, res) => {
      if (req.url === '/slow') await released;
      if (req.url === '/stuck') return; // never answers
      res.end('done');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await (await fetch(`${url}/fast`)).text()).toBe('done');

    const slow = fetch(`${url}/slow`).then((r) => r.text());
    const stuck = fetch(`${url}/stuck`).then(
      () => 'answered',
      () => 'closed',
    );
    await new Promise((r) => setTimeout(r, 100));
    const closing = closeGracefully(server, 1_500);
    expect(await eventually(() => refused(`${url}/fast`))).toBe(true);
    release();
    expect(await slow).toBe('done');
    await closing;
    expect(await stuck).toBe('closed');
  });

  test('gateway on SIGTERM: refuses new connections, finishes the in-flight request, exits 0 without waiting for the deadline', async () => {
    proxy = await startFaultProxy(subgraphs.business.url, 'delay');
    proxy.delayMs = 1_500;
    gateway = await startGatewayProcess(urls({ business: proxy.url }), { SHUTDOWN_TIMEOUT_MS: '60000', LOG_LEVEL: 'info' });
    const inFlight = postGraphQL(gateway.url, QUERY);
    await eventually(() => (proxy!.pending() === 1 ? true : undefined));

    gateway.child.kill('SIGTERM');
    expect(await eventually(() => refused(`${base(gateway!.url)}/healthz`))).toBe(true);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data.administrativeUnit.businessStats.total).toBeGreaterThan(0);
    // The deadline is 60 s: exiting well before it means the finished request's connection did not hold the process.
    const exit = await within(gateway.exited, 20_000, 'still running');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(gateway.stdoutLines().some((l) => l.includes('"gateway stopped"'))).toBe(true);
  });

  test('gateway on SIGTERM with a request stuck past the deadline: the request is cut, the process still exits 0', async () => {
    proxy = await startFaultProxy(subgraphs.business.url, 'hang');
    gateway = await startGatewayProcess(urls({ business: proxy.url }), { SHUTDOWN_TIMEOUT_MS: '500', SUBGRAPH_TIMEOUT_MS: '120000' });
    const stuck = postGraphQL(gateway.url, QUERY).then(
      () => 'answered',
      () => 'cut',
    );
    await eventually(() => (proxy!.pending() === 1 ? true : undefined));
    const exit = await gateway.stop('SIGTERM', 20_000);
    expect(exit).toEqual({ code: 0, signal: null, forced: false });
    expect(await stuck).toBe('cut');
  });

  test('subgraph on SIGTERM: stops, closes its database and exits 0', async () => {
    const subgraph = await startSubgraphProcess('dossiers', { env: { LOG_LEVEL: 'info' } });
    expect((await getJson(`${base(subgraph.url)}/readyz`)).status).toBe(200);
    const exit = await subgraph.stop('SIGTERM', 20_000);
    expect(exit).toEqual({ code: 0, signal: null, forced: false });
    const lines = subgraph.stdoutLines().map((l) => JSON.parse(l));
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['subgraph stopped']));
  });

  test('the npm start launcher forwards SIGTERM: every service stops and the launcher exits 0', async () => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), GATEWAY_PORT: '0', LOG_LEVEL: 'warn', SUBGRAPH_SIGNING_SECRET: process.env.SUBGRAPH_SIGNING_SECRET ?? 'test-only-signing-secret-0123456789abcdef' };
    for (const name of NAMES) env[`${name.toUpperCase()}_PORT`] = '0';
    // The registry too: a fixed port would collide with a local `npm start` on the same machine.
    env.REGISTRY_PORT = '0';
    delete env.JEST_WORKER_ID;
    delete env.NODE_ENV;
    const launcher: ChildProcess = fork(distScript('gateway/src/start-all.js'), [], { env, execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const exited = new Promise<{ code: number | null; signal: string | null }>((r) => launcher.once('exit', (code, signal) => r({ code, signal })));
    let out = '';
    launcher.stdout!.on('data', (chunk) => (out += chunk));
    launcher.stderr!.on('data', (chunk) => (out += chunk));
    try {
      const gatewayUrl = await eventually(() => /ready at (http:\S+)/.exec(out)?.[1], { attempts: 600, everyMs: 100 });
      const serviceUrls = [...out.matchAll(/^\s+\w+\s+(http:\/\/\S+)$/gm)].map((m) => m[1]);
      expect(serviceUrls).toHaveLength(NAMES.length + 1);
      expect((await postGraphQL(gatewayUrl, QUERY)).data.administrativeUnit.name).toBe('Thành phố Bến Cát');
      // The gateway process runs with its Node.js flags (gateway/src/node-flags.ts).
      const gatewayCommand = execFileSync('ps', ['--ppid', String(launcher.pid), '-o', 'args='], { encoding: 'utf8' }).split('\n').find((line) => line.includes('gateway/src/index.js'));
      expect(gatewayCommand).toBeDefined();
      for (const flag of GATEWAY_NODE_FLAGS) expect(gatewayCommand!.split(/\s+/)).toContain(flag);

      launcher.kill('SIGTERM');
      const exit = await within(exited, 30_000, 'still running');
      expect(exit).toEqual({ code: 0, signal: null });
      for (const url of serviceUrls) expect(await refused(`${base(url)}/healthz`)).toBe(true);
    } finally {
      // Never leave the launcher's services behind: SIGTERM first (it stops them), SIGKILL last.
      if (launcher.exitCode === null && launcher.signalCode === null) {
        launcher.kill('SIGTERM');
        await within(exited, 20_000, undefined);
        launcher.kill('SIGKILL');
      }
    }
  });
});
