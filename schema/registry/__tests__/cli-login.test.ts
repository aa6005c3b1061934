import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { ensureAdminToken } from '../bootstrap';
import { startTestRegistry, TestRegistry } from '../../../test/support/registry';

// How a developer gets a token for bdg: the local registry's admin token (npm start), bdg login,
// logout, whoami, and the errors without a token or with a bad one. The CLI runs as a child
// process (bundled from the sources, run from a temporary directory) against a real registry
// over HTTP; each run has its own BDG_CONFIG_DIR and DATA_DIR and none of the caller's
// REGISTRY_* variables.

const NOTICE = 'bdg: using the local registry at';

let registry: TestRegistry;
let work: string;
let bdgJs: string;
let agencyToken: string;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs bdg with only PATH, HOME and the given variables; `input` goes to its standard input. */
function bdg(args: string[], env: Record<string, string>, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bdgJs, ...args], { cwd: work, env: { PATH: process.env.PATH ?? '', HOME: path.join(work, 'home'), ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input ?? '');
  });
}

let counter = 0;
/** A fresh config directory and DATA_DIR; REGISTRY_PORT makes the test registry "the local one". */
function fresh(options: { local?: boolean } = {}): { configDir: string; dataDir: string; env: Record<string, string> } {
  counter += 1;
  const configDir = path.join(work, `config-${counter}`);
  const dataDir = path.join(work, `data-${counter}`);
  mkdirSync(dataDir, { recursive: true });
  const env: Record<string, string> = { BDG_CONFIG_DIR: configDir, DATA_DIR: dataDir, REGISTRY_PORT: String(options.local === false ? 9 : registry.running.port) };
  return { configDir, dataDir, env };
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'bdg-login-'));
  bdgJs = path.join(work, 'bdg.js');
  buildSync({ entryPoints: [path.resolve(__dirname, '../cli/index.ts')], bundle: true, platform: 'node', target: 'node20', outfile: bdgJs, logLevel: 'error' });
  registry = await startTestRegistry();
  await registry.admin.createAgency('soyte', 'Sở Y tế');
  agencyToken = (await registry.admin.issueAgencyToken('soyte', { label: 'ci' })).token;
});
afterAll(async () => {
  await registry?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('npm start writes its admin token file (0600), also when REGISTRY_ADMIN_TOKEN is set', () => {
  const { dataDir } = fresh();
  const generated = ensureAdminToken({ DATA_DIR: dataDir });
  const file = path.join(dataDir, 'registry-admin-token');
  expect(generated.source).toBe(file);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(ensureAdminToken({ DATA_DIR: dataDir }).token).toBe(generated.token);
  const given = ensureAdminToken({ DATA_DIR: dataDir, REGISTRY_ADMIN_TOKEN: registry.adminToken });
  expect(given.token).toBe(registry.adminToken);
  expect(readFileSync(file, 'utf8').trim()).toBe(registry.adminToken);
  expect(statSync(file).mode & 0o777).toBe(0o600);
});

test('without REGISTRY_URL, bdg uses the running local registry and its admin token, saying so on stderr once', async () => {
  const { dataDir, env } = fresh();
  ensureAdminToken({ DATA_DIR: dataDir, REGISTRY_ADMIN_TOKEN: registry.adminToken });
  const file = path.join(dataDir, 'registry-admin-token');
  const list = await bdg(['subgraph', 'list'], env);
  expect(list.code).toBe(0);
  expect(list.out).toContain('No subgraph has been published yet.');
  expect(occurrences(list.err, NOTICE)).toBe(1);
  expect(list.err.trim()).toBe(`bdg: using the local registry at ${registry.url} with its admin token from ${file} (set REGISTRY_URL and REGISTRY_TOKEN for another registry)`);

  const who = await bdg(['whoami'], env);
  expect(who.code).toBe(0);
  expect(occurrences(who.err, NOTICE)).toBe(1);
  expect(who.out).toContain('the registry administrator (admin token)');
  expect(who.out).toContain(`from the local admin token (${file})`);
  expect(who.out).toContain('grants: add, list, revoke, import');

  // REGISTRY_TOKEN comes first: no notice, the agency's identity.
  const withEnv = await bdg(['whoami', '--json'], { ...env, REGISTRY_TOKEN: agencyToken });
  expect(withEnv.err).toBe('');
  expect(JSON.parse(withEnv.out)).toMatchObject({ kind: 'agency', agency: { id: 'soyte' }, tokenSource: 'env', tokenFrom: 'REGISTRY_TOKEN' });

  // A registry given explicitly never gets the local admin token.
  const explicit = await bdg(['subgraph', 'list'], { ...env, REGISTRY_URL: registry.url });
  expect(explicit.code).toBe(1);
  expect(explicit.err).not.toContain(NOTICE);
  expect(explicit.err).toContain('no token for the registry');
});

test('without any token the error names the commands that give one', async () => {
  const { env } = fresh(); // no registry-admin-token in this DATA_DIR
  const run = await bdg(['subgraph', 'list'], env);
  expect(run.code).toBe(1);
  expect(run.err).toContain('UNAUTHENTICATED');
  expect(run.err).toContain(`no token for the registry at ${registry.url}`);
  expect(run.err).toContain('bdg login --token <token>');
  expect(run.err).toContain('npm start');
  expect(run.err).toContain('bdg agency token <agency> --label <label>');
  expect(run.err).not.toContain(NOTICE);
  // The grant commands say the same.
  const grants = await bdg(['grant', 'list'], env);
  expect(grants.code).toBe(1);
  expect(grants.err).toContain('bdg login --token <token>');
});

test('login stores the token in a 0600 file; whoami shows the agency, its permissions and where the token came from; logout removes it', async () => {
  const { configDir, dataDir, env } = fresh();
  ensureAdminToken({ DATA_DIR: dataDir, REGISTRY_ADMIN_TOKEN: registry.adminToken }); // the local admin token is there too: the login comes first
  const login = await bdg(['login', '--token', agencyToken], env);
  expect(login.code).toBe(0);
  expect(login.err).toBe('');
  const file = path.join(configDir, 'config.json');
  expect(login.out).toContain(`Logged in to ${registry.url} as agency soyte (Sở Y tế)`);
  expect(login.out).toContain(file);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(statSync(configDir).mode & 0o077).toBe(0);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ registry: registry.url, token: agencyToken, principal: 'soyte' });

  const who = await bdg(['whoami'], env);
  expect(who.code).toBe(0);
  expect(who.err).toBe('');
  expect(who.out).toContain(`Registry:    ${registry.url}`);
  expect(who.out).toContain(`Token:       from bdg login (${file})`);
  expect(who.out).toContain('Identity:    agency soyte (Sở Y tế), token label "ci"');
  expect(who.out).toContain('subgraph check and publish: the names the agency owns, and unclaimed names');
  const list = await bdg(['subgraph', 'list'], env);
  expect(list.code).toBe(0);
  expect(list.err).toBe('');

  // REGISTRY_TOKEN still wins over the stored login.
  const override = await bdg(['whoami'], { ...env, REGISTRY_TOKEN: 'bdga_wrong' });
  expect(override.code).toBe(1);
  expect(override.err).toContain('refused the token from REGISTRY_TOKEN');

  const logout = await bdg(['logout'], env);
  expect(logout.code).toBe(0);
  expect(logout.out).toContain(`Logged out of ${registry.url}: removed ${file}`);
  expect(existsSync(file)).toBe(false);
  // Back to the local admin token.
  const after = await bdg(['whoami', '--json'], env);
  expect(JSON.parse(after.out)).toMatchObject({ kind: 'admin', tokenSource: 'local-admin' });
  expect(occurrences(after.err, NOTICE)).toBe(1);
  const again = await bdg(['logout'], env);
  expect(again.code).toBe(0);
  expect(again.out).toContain('Not logged in');
});

test('login --registry makes that registry the default; --token - reads the token from standard input', async () => {
  const { configDir, env } = fresh({ local: false }); // no local registry at all
  const login = await bdg(['login', '--registry', `${registry.url}/`, '--token', '-'], env, `${agencyToken}\n`);
  expect(login.code).toBe(0);
  expect(JSON.parse(readFileSync(path.join(configDir, 'config.json'), 'utf8')).registry).toBe(registry.url);
  const who = await bdg(['whoami', '--json'], env);
  expect(who.code).toBe(0);
  expect(JSON.parse(who.out)).toMatchObject({ kind: 'agency', registry: registry.url, tokenSource: 'login', permissions: expect.arrayContaining([expect.stringContaining('read:')]) });
});

test('a bad token: login refuses to store it; a stored token the registry no longer knows says to log in again', async () => {
  const { configDir, env } = fresh();
  const file = path.join(configDir, 'config.json');
  const bad = await bdg(['login', '--token', 'bdga_not-a-token'], env);
  expect(bad.code).toBe(1);
  expect(bad.err).toContain('UNAUTHENTICATED');
  expect(bad.err).toContain(`the registry at ${registry.url} refused the token from bdg login --token`);
  expect(bad.err).toContain('Nothing was stored');
  expect(existsSync(file)).toBe(false);

  const revoked = await registry.admin.issueAgencyToken('soyte', { label: 'short-lived' });
  expect((await bdg(['login', '--token', revoked.token], env)).code).toBe(0);
  await registry.admin.request('POST', `/admin/tokens/${revoked.id}/revoke`);
  const stale = await bdg(['subgraph', 'list'], env);
  expect(stale.code).toBe(1);
  expect(stale.err).toContain(`refused the token from bdg login (${file})`);
  expect(stale.err).toContain('Log in again with: bdg login --token <token>');
});

test('invalid input: login without --token, an unreadable config file, are usage errors (exit 2)', async () => {
  const { configDir, env } = fresh();
  const missing = await bdg(['login'], env);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('--token is required');
  expect(missing.err).toContain('bdg login --token TOKEN');
  const empty = await bdg(['login', '--token', '-'], env, '');
  expect(empty.code).toBe(2);
  expect(existsSync(path.join(configDir, 'config.json'))).toBe(false);

  mkdirSync(configDir, { recursive: true });
  writeFileSync(path.join(configDir, 'config.json'), '{ not json');
  const corrupt = await bdg(['subgraph', 'list'], env);
  expect(corrupt.code).toBe(2);
  expect(corrupt.err).toContain('Cannot read the bdg config file');
  expect((await bdg(['logout'], env)).code).toBe(0);
  expect(existsSync(path.join(configDir, 'config.json'))).toBe(false);
});
