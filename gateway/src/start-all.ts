import { ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUILT_IN_SUBGRAPHS } from '../../subgraphs/catalog';
import { envName } from '../../subgraphs/kit/config';
import { RegistryClient } from '../../schema/registry/cli/client';
import { localRegistryUrl } from '../../schema/registry/cli/credentials';
import { developmentGrantsFile, ensureAdminToken, expectedUrl, publishBuiltIn, registerBuiltInSubgraphs, seedGrantsIfEmpty } from '../../schema/registry/bootstrap';
import { shutdownTimeoutMs } from '../../subgraphs/kit/shutdown';
import { GATEWAY_NODE_FLAGS } from './node-flags';

/**
 * `npm start`: runs the whole system locally — the schema registry, each subgraph in its own
 * process (each seeds its empty database on first start), registered with the registry the way
 * an agency registers one, then the gateway following the registry — prints one line per
 * service and the gateway URL, and stops everything on Ctrl-C or SIGTERM.
 */

interface ReadyMessage {
  type: 'ready';
  name: string;
  url: string;
}

const children: ChildProcess[] = [];
let stopping = false;

function startProcess(name: string, script: string, env: Record<string, string> = {}, execArgv: readonly string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], {
      execArgv: [...process.execArgv, ...execArgv],
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
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
    child.once('exit', (code) => {
      // A service that could not stop cleanly makes the whole stop unclean.
      if (code !== 0) exitCode ||= 1;
      remaining -= 1;
      if (remaining === 0) process.exit(exitCode);
    });
    child.kill('SIGTERM');
  }
  // A child that ignores SIGTERM must not keep the terminal hostage: each has the shutdown
  // deadline (SHUTDOWN_TIMEOUT_MS) to finish its requests, plus a margin.
  setTimeout(() => {
    alive.forEach((c) => c.kill('SIGKILL'));
    process.exit(1);
  }, shutdownTimeoutMs() + 5_000).unref();
}

/**
 * `npm start` runs this under `sh -c "npm run build && node …"`: npm forwards SIGTERM to the
 * shell, which dies without passing it on. Losing the parent is therefore also a stop signal,
 * so the services are never left running on their own.
 */
function stopWhenOrphaned(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) shutdown(0);
  }, 500).unref();
}

async function main(): Promise<void> {
  const envFile = path.resolve('.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  stopWhenOrphaned();

  // The registry first: the subgraphs are registered through it and the gateway follows it.
  const admin = ensureAdminToken();
  const registryUrl = await startProcess('registry', path.resolve(__dirname, '../../schema/registry/index.js'), { REGISTRY_ADMIN_TOKEN: admin.token });
  console.log(`  ${'registry'.padEnd(12)} ${registryUrl}  (admin token: ${admin.source})`);
  console.log('Registering the built-in subgraphs as agency sotttt…');
  const expected = Object.fromEntries(BUILT_IN_SUBGRAPHS.map((name) => [name, expectedUrl(name)]));
  const log = (line: string) => console.log(line);
  const { agency, secrets } = await registerBuiltInSubgraphs(registryUrl, admin.token, expected, log);
  // First start: the registry's grants table is empty; the development grants let the demo agency read.
  const seeded = await seedGrantsIfEmpty(registryUrl, admin.token, developmentGrantsFile());
  if (seeded) console.log(`  grants       ${seeded} development grants imported from ${developmentGrantsFile()} (manage them with: npx bdg grant list)`);
  // Each subgraph gets the signing secret the registry issued it; the gateway gets them all
  // (it also fetches them from the registry; these serve while the registry is away).
  const secretEnv = (names: readonly string[]) => Object.fromEntries(names.filter((name) => secrets[name]).map((name) => [envName(name, 'SIGNING_SECRET'), secrets[name]]));

  console.log('Starting the subgraphs (an empty database is seeded first; this can take a minute)…');
  const urls = await Promise.all(
    BUILT_IN_SUBGRAPHS.map(async (name) => {
      const url = await startProcess(name, path.resolve(__dirname, '../../subgraphs', name, 'index.js'), secretEnv([name]));
      console.log(`  ${name.padEnd(12)} ${url}`);
      return [name, url] as const;
    }),
  );
  // Where they actually listen (a port of 0 picks one): published, as an agency would.
  for (const [name, url] of urls) if (url !== expected[name]) await publishBuiltIn(agency, name, url, log);
  // The gateway routes to the URLs the subgraphs actually took.
  for (const [name, url] of urls) process.env[`${name.toUpperCase()}_URL`] = url;
  const gatewayToken = await new RegistryClient(registryUrl, admin.token).issueGatewayToken({ label: 'npm-start', replace: true });
  const gatewayUrl = await startProcess('gateway', path.resolve(__dirname, 'index.js'), { ...secretEnv(BUILT_IN_SUBGRAPHS), REGISTRY_URL: registryUrl, REGISTRY_TOKEN: gatewayToken.token }, GATEWAY_NODE_FLAGS);
  console.log(`  ${'gateway'.padEnd(12)} ${gatewayUrl}`);
  console.log(`\nThe federated graph is ready at ${gatewayUrl}  (Ctrl-C stops everything)`);
  console.log(`In a browser: ${gatewayUrl.replace(/\/graphql$/, '/ide')}  (GraphiQL with examples; tokens: npm run -s token -- --agency DEMO-AGENCY)`);
  console.log(`Agencies publish subgraphs with: REGISTRY_URL=${registryUrl} REGISTRY_TOKEN=<agency token> npx bdg subgraph list  (schema/registry/README.md)`);
  if (registryUrl === localRegistryUrl(process.env)) console.log(`On this machine, without REGISTRY_URL, bdg uses this registry and its admin token by itself: npx bdg whoami`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  shutdown(1);
});
