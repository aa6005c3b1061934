import { ChildProcess, fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILT_IN_SUBGRAPHS } from '../../subgraphs/catalog';
import { projectRoot } from '../../subgraphs/kit/project-root';

/**
 * Real processes for the fault, shutdown and observability tests: the compiled services in
 * dist/ (build with `npx tsc -p tsconfig.build.json`; `npm test` builds first), each started
 * with `fork` on a free port, ready when it sends the IPC message {type: 'ready', url}.
 * Children inherit the test run's database settings (DATA_DIR or DATABASE_URL from the
 * global setup), so subgraph processes serve the data set the run seeded.
 */

const ROOT = projectRoot();
const DIST = path.join(ROOT, 'dist');
export const SUPERGRAPH_PATH = path.join(ROOT, 'schema/supergraph.graphql');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  name: string;
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Lines the process wrote to stdout so far (the last 20,000). */
  stdoutLines(): string[];
  /** What it wrote to stderr so far (the last 1 MB). */
  stderr(): string;
  /** Settles when the process has exited. */
  exited: Promise<Exit>;
  /** Sends the signal and waits (at most `waitMs`) for the exit; SIGKILL after that. */
  stop(signal?: NodeJS.Signals, waitMs?: number): Promise<Exit & { forced: boolean }>;
}

const TEST_SIGNING_SECRET = 'test-only-signing-secret-0123456789abcdef';

const running = new Set<ChildProcess>();
// Never leave a child behind, whatever happens to the test.
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

export function distScript(relative: string): string {
  const script = path.join(DIST, relative);
  if (!existsSync(script)) throw new Error(`${script} is missing: build first with "npx tsc -p tsconfig.build.json" (npm test does)`);
  return script;
}

export interface StartProcessOptions {
  name: string;
  script: string;
  env?: Record<string, string | undefined>;
  /** Milliseconds to wait for the ready message (default 60 s: a subgraph may seed first). */
  readyTimeoutMs?: number;
  /** Node.js flags for the child (e.g. --cpu-prof for a benchmark's profile); none by default. */
  execArgv?: string[];
}

export function startProcess(options: StartProcessOptions): Promise<ServiceProcess> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL === 'silent' || !process.env.LOG_LEVEL ? 'error' : process.env.LOG_LEVEL,
    // Gateway and subgraphs of one test share a signing secret (subgraphs answer signed calls only).
    SUBGRAPH_SIGNING_SECRET: process.env.SUBGRAPH_SIGNING_SECRET ?? TEST_SIGNING_SECRET,
    ...options.env,
  };
  // Services run as in production: jest's NODE_ENV=test changes their behaviour (Apollo Server's
  // signal handling, for one), so it is not passed on unless a test sets it.
  delete env.JEST_WORKER_ID;
  if (!options.env?.NODE_ENV) delete env.NODE_ENV;
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const child = fork(options.script, [], { cwd: ROOT, env: env as NodeJS.ProcessEnv, execArgv: options.execArgv ?? [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  running.add(child);

  const lines: string[] = [];
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    if (lines.length > 20_000) lines.splice(0, lines.length - 20_000);
  });
  let errText = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    errText = (errText + chunk).slice(-1_000_000);
  });
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} sent no ready message within ${options.readyTimeoutMs ?? 60_000} ms; stderr: ${errText.slice(-2000)}`));
    }, options.readyTimeoutMs ?? 60_000);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${signal ?? `code ${code}`}) before it was ready; stderr: ${errText.slice(-2000)}`));
    });
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message?.type !== 'ready' || !message.url) return;
      clearTimeout(timer);
      const url = message.url;
      resolve({
        name: options.name,
        url,
        port: Number(new URL(url).port),
        pid: child.pid!,
        child,
        stdoutLines: () => (partial ? [...lines, partial] : [...lines]),
        stderr: () => errText,
        exited,
        stop: async (signal = 'SIGTERM', waitMs = 20_000) => {
          if (child.exitCode !== null || child.signalCode !== null) return { ...(await exited), forced: false };
          child.kill(signal);
          let timeout: NodeJS.Timeout | undefined;
          const forced = await Promise.race([
            exited.then(() => false),
            new Promise<boolean>((r) => {
              timeout = setTimeout(() => r(true), waitMs);
            }),
          ]);
          clearTimeout(timeout);
          if (forced) child.kill('SIGKILL');
          return { ...(await exited), forced };
        },
      });
    });
  });
}

/** A subgraph process on a free port (or on `port`, to restart it where the gateway expects it). */
export function startSubgraphProcess(name: string, options: { port?: number; env?: Record<string, string | undefined>; execArgv?: string[] } = {}): Promise<ServiceProcess> {
  return startProcess({
    name,
    script: distScript(`subgraphs/${name}/index.js`),
    env: { [`${name.toUpperCase()}_PORT`]: String(options.port ?? 0), ...options.env },
    execArgv: options.execArgv,
  });
}

/** A gateway process on a free port, routing each subgraph to the given URL (`execArgv`: its Node.js flags, as for a subgraph). */
export function startGatewayProcess(subgraphUrls: Record<string, string>, env: Record<string, string | undefined> = {}, execArgv?: string[]): Promise<ServiceProcess> {
  const urls = Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]));
  return startProcess({
    name: 'gateway',
    script: distScript('gateway/src/index.js'),
    // All test traffic comes from one address: no rate limit unless a test sets one.
    env: { GATEWAY_PORT: '0', GATEWAY_HOST: '127.0.0.1', SUPERGRAPH_PATH, RATE_LIMIT_PER_MINUTE: '0', ...urls, ...env },
    readyTimeoutMs: 30_000,
    execArgv,
  });
}

export interface SystemProcesses {
  gateway: ServiceProcess;
  subgraphs: Record<string, ServiceProcess>;
  stop(): Promise<void>;
}

/** The four subgraphs and the gateway, each in its own process. `urlOverrides` reroutes a subgraph (e.g. through a fault proxy). */
export async function startSystemProcesses(
  options: { gatewayEnv?: Record<string, string | undefined>; subgraphEnv?: Record<string, string | undefined>; urlOverrides?: (urls: Record<string, string>) => Record<string, string> } = {},
): Promise<SystemProcesses> {
  const list = await Promise.all(BUILT_IN_SUBGRAPHS.map((name) => startSubgraphProcess(name, { env: options.subgraphEnv })));
  const subgraphs = Object.fromEntries(list.map((p) => [p.name, p]));
  const urls = Object.fromEntries(list.map((p) => [p.name, p.url]));
  const gateway = await startGatewayProcess(options.urlOverrides ? options.urlOverrides(urls) : urls, options.gatewayEnv);
  return {
    gateway,
    subgraphs,
    stop: async () => {
      await gateway.stop('SIGTERM');
      await Promise.all(Object.values(subgraphs).map((s) => s.stop('SIGTERM')));
    },
  };
}

/** Peak resident memory of a live process in MiB (VmHWM of /proc/<pid>/status). */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Current resident memory of a live process in MiB (VmRSS). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Polls `check` until it returns a value other than undefined, at most `attempts` times `everyMs` apart. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, { attempts = 100, everyMs = 100 } = {}): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i += 1) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met after ${attempts} attempts${lastError ? `: ${(lastError as Error).message}` : ''}`);
}

/** The promise's value, or `fallback` if it has not settled after `ms` (the timer never outlives the call). */
export async function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
