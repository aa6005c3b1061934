import { ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUILT_IN_SUBGRAPHS } from '../../subgraphs/catalog';

/**
 * `npm start`: runs the whole system locally — each subgraph in its own process (each seeds
 * its empty database on first start), then the gateway — prints one line per service and the
 * gateway URL, and stops everything on Ctrl-C or SIGTERM.
 */

interface ReadyMessage {
  type: 'ready';
  name: string;
  url: string;
}

const children: ChildProcess[] = [];
let stopping = false;

function startProcess(name: string, script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], {
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    child.on('message', (message: ReadyMessage) => {
      if (message?.type === 'ready') resolve(message.url);
    });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        reject(new Error(`${name} exited (${signal ?? `code ${code}`}) — see its error above`));
        shutdown(1);
      }
    });
  });
}

function shutdown(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (alive.length === 0) process.exit(exitCode);
  let remaining = alive.length;
  for (const child of alive) {
    child.once('exit', () => {
      remaining -= 1;
      if (remaining === 0) process.exit(exitCode);
    });
    child.kill('SIGTERM');
  }
  // A child that ignores SIGTERM must not keep the terminal hostage.
  setTimeout(() => {
    alive.forEach((c) => c.kill('SIGKILL'));
    process.exit(exitCode);
  }, 15_000).unref();
}

async function main(): Promise<void> {
  const envFile = path.resolve('.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));

  console.log('Starting the subgraphs (an empty database is seeded first; this can take a minute)…');
  const urls = await Promise.all(
    BUILT_IN_SUBGRAPHS.map(async (name) => {
      const url = await startProcess(name, path.resolve(__dirname, '../../subgraphs', name, 'index.js'));
      console.log(`  ${name.padEnd(12)} ${url}`);
      return [name, url] as const;
    }),
  );
  // The gateway routes to the URLs the subgraphs actually took.
  for (const [name, url] of urls) process.env[`${name.toUpperCase()}_URL`] = url;
  const gatewayUrl = await startProcess('gateway', path.resolve(__dirname, 'index.js'));
  console.log(`  ${'gateway'.padEnd(12)} ${gatewayUrl}`);
  console.log(`\nThe federated graph is ready at ${gatewayUrl}  (Ctrl-C stops everything)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  shutdown(1);
});
