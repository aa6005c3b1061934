import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * A process pinned to given cores (`taskset -c`), its output in a log file, ready once its
 * GraphQL endpoint answers `{ __typename }`. Gateways of every kind are started this way.
 */
export interface PinnedProcess {
  name: string;
  pid: number;
  url: string;
  logFile: string;
  child: ChildProcess;
  alive(): boolean;
  stop(): Promise<void>;
}

export interface PinnedOptions {
  name: string;
  cpus: string;
  /** Node.js script and its arguments. */
  script: string;
  args?: string[];
  /** Options for node itself, before the script (e.g. --cpu-prof). */
  nodeArgs?: string[];
  env: Record<string, string>;
  cwd: string;
  logFile: string;
  /** The GraphQL URL to poll until it answers. */
  url: string;
  readyTimeoutMs?: number;
}

/** A free TCP port on 127.0.0.1 (free when asked; the process takes it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function logTail(file: string, chars = 3000): string {
  try {
    return readFileSync(file, 'utf8').slice(-chars);
  } catch {
    return '';
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}', signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

export async function startPinned(options: PinnedOptions): Promise<PinnedProcess> {
  const log = openSync(options.logFile, 'a');
  const child = spawn('taskset', ['-c', options.cpus, process.execPath, ...(options.nodeArgs ?? []), options.script, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal ?? `code ${code}`;
      resolve();
    }),
  );
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  while (!(await answers(options.url))) {
    if (exit) throw new Error(`${options.name} exited (${exit}) before it answered; its log (${options.logFile}) ends with:\n${logTail(options.logFile)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not answer at ${options.url} within ${options.readyTimeoutMs ?? 90_000} ms; its log ends with:\n${logTail(options.logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    name: options.name,
    pid: child.pid!,
    url: options.url,
    logFile: options.logFile,
    child,
    alive: () => exit === undefined,
    stop: async () => {
      if (exit) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The environment a gateway starts with: nothing inherited but PATH, HOME and TMPDIR, so no stray setting changes it. */
export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[key]) env[key] = process.env[key]!;
  return { ...env, ...extra };
}

/**
 * BENCH_CPU_PROFILE_DIR: the Node.js flags that make a process write a V8 CPU profile named
 * `<name>.cpuprofile` there when it stops (for finding where the time goes; figures taken with
 * it on are slower); none when unset.
 */
export function cpuProfileArgs(name: string): string[] {
  const dir = process.env.BENCH_CPU_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
}
