import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ExitCode, runCli } from '../cli/main';
import { publishBuiltIns, startTestRegistry, TestRegistry } from '../../../test/support/registry';
import { CONFLICTING_SDL, healthSdl } from './fixtures';

// The bdg CLI as an agency uses it: readable output and exit codes scripts can rely on
// (0 ok, 1 refused or check failed, 2 usage or connection error).

let registry: TestRegistry;
let dir: string;
let agencyToken: string;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function bdg(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(args, { env: { REGISTRY_URL: registry.url, REGISTRY_TOKEN: agencyToken, ...env }, out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

function schemaFile(name: string, sdl: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, sdl);
  return file;
}

beforeAll(async () => {
  registry = await startTestRegistry();
  await publishBuiltIns(registry);
  dir = mkdtempSync(path.join(os.tmpdir(), 'bdg-cli-'));
  const created = await runCli(['agency', 'create', 'soyte', '--name', 'Sở Y tế'], { env: { REGISTRY_URL: registry.url, REGISTRY_TOKEN: registry.adminToken }, out: () => {}, err: () => {} });
  expect(created).toBe(ExitCode.OK);
  let out = '';
  await runCli(['agency', 'token', 'soyte', '--label', 'ci', '--json'], { env: { REGISTRY_URL: registry.url, REGISTRY_TOKEN: registry.adminToken }, out: (t) => (out += t), err: () => {} });
  agencyToken = JSON.parse(out).token;
});
afterAll(async () => {
  await registry?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('publish: exit 0, the new version, the change list and the signing secret once', async () => {
  const run = await bdg(['subgraph', 'publish', '--name', 'health', '--url', 'http://127.0.0.1:9/health/graphql', '--schema', schemaFile('v1.graphql', healthSdl())]);
  expect(run.code).toBe(ExitCode.OK);
  expect(run.out).toMatch(/Published health: supergraph version \d+ \(hash [0-9a-f]{12}\) is now current/);
  expect(run.out).toContain('Field Citizen.vaccinations: [Vaccination!]! was added');
  expect(run.out).toMatch(/Signing secret of subgraph "health" \(shown only this once/);
  const again = await bdg(['subgraph', 'publish', '--name', 'health', '--url', 'http://127.0.0.1:9/health/graphql', '--schema', schemaFile('v1.graphql', healthSdl())]);
  expect(again.code).toBe(ExitCode.OK);
  expect(again.out).toContain('unchanged');
  expect(again.out).not.toContain('Signing secret');
});

test('check: exit 0 when the schema passes, 1 with every problem listed when it does not', async () => {
  const ok = await bdg(['subgraph', 'check', '--name', 'health', '--schema', schemaFile('add.graphql', healthSdl({ extraVaccinationFields: '"""Batch."""\n  batch: String' }))]);
  expect(ok.code).toBe(ExitCode.OK);
  expect(ok.out).toContain('Check passed for health');
  const breaking = await bdg(['subgraph', 'check', '--name', 'health', '--schema', schemaFile('drop.graphql', healthSdl({ doses: false }))]);
  expect(breaking.code).toBe(ExitCode.REFUSED);
  expect(breaking.out).toContain('Check FAILED for health');
  expect(breaking.out).toContain('BREAKING Field Vaccination.doses was removed');
  const conflict = await bdg(['subgraph', 'check', '--name', 'health', '--schema', schemaFile('conflict.graphql', CONFLICTING_SDL)]);
  expect(conflict.code).toBe(ExitCode.REFUSED);
  expect(conflict.out).toMatch(/Errors \(\d+\):/);
  expect(conflict.out).toContain('Citizen.fullName');
  expect(conflict.out).toContain('Business.name');
});

test('a refused publish exits 1; --force publishes it; --json prints the API answer', async () => {
  const refused = await bdg(['subgraph', 'publish', '--name', 'health', '--schema', schemaFile('drop.graphql', healthSdl({ doses: false })), '--json']);
  expect(refused.code).toBe(ExitCode.REFUSED);
  expect(JSON.parse(refused.out)).toMatchObject({ status: 'refused', report: { outcome: 'breaking-changes' } });
  const forced = await bdg(['subgraph', 'publish', '--name', 'health', '--schema', schemaFile('drop.graphql', healthSdl({ doses: false })), '--force']);
  expect(forced.code).toBe(ExitCode.OK);
  expect(forced.out).toContain('(1 breaking, forced)');
});

test('list, history and versions print tables; rollback makes a version current', async () => {
  const list = await bdg(['subgraph', 'list']);
  expect(list.code).toBe(ExitCode.OK);
  expect(list.out).toMatch(/^NAME\s+AGENCY\s+VERSION\s+PUBLISHED\s+SDL\s+URL$/m);
  expect(list.out).toMatch(/^health\s+soyte\s+\d+\s/m);
  const history = await bdg(['subgraph', 'history', 'health']);
  expect(history.code).toBe(ExitCode.OK);
  expect(history.out).toContain('History of health (owned by soyte)');
  expect(history.out).toContain('FORCED');
  const versions = await bdg(['supergraph', 'versions', '--json']);
  const { currentVersion } = JSON.parse(versions.out);
  const rollback = await bdg(['supergraph', 'rollback', String(currentVersion - 1)]);
  expect(rollback.code).toBe(ExitCode.OK);
  expect(rollback.out).toContain(`supergraph version ${currentVersion - 1}`);
  expect(rollback.out).toContain('Vaccination.doses');
  expect((await bdg(['supergraph', 'versions'])).out).toMatch(new RegExp(`^\\*\\s+${currentVersion - 1}\\s`, 'm'));
});

test('refusals by the registry exit 1: a bad token, a subgraph of another agency', async () => {
  const badToken = await bdg(['subgraph', 'list'], { REGISTRY_TOKEN: 'bdga_wrong' });
  expect(badToken.code).toBe(ExitCode.REFUSED);
  expect(badToken.err).toContain('UNAUTHENTICATED');
  const foreign = await bdg(['subgraph', 'publish', '--name', 'population', '--url', 'http://127.0.0.1:9/x', '--schema', schemaFile('v1.graphql', healthSdl())]);
  expect(foreign.code).toBe(ExitCode.REFUSED);
  expect(foreign.err).toContain('belongs to agency "sotttt"');
});

test('usage mistakes and an unreachable registry exit 2', async () => {
  expect((await bdg(['subgraph', 'publish', '--url', 'http://x', '--schema', 'x.graphql'])).code).toBe(ExitCode.USAGE_OR_CONNECTION);
  expect((await bdg(['subgraph', 'check', '--name', 'health', '--schema', path.join(dir, 'missing.graphql')])).err).toContain('Cannot read the schema file');
  expect((await bdg(['subgraph', 'fly'])).code).toBe(ExitCode.USAGE_OR_CONNECTION);
  expect((await bdg(['subgraph', 'list', '--bogus'])).code).toBe(ExitCode.USAGE_OR_CONNECTION);
  expect((await bdg(['supergraph', 'rollback', 'latest'])).code).toBe(ExitCode.USAGE_OR_CONNECTION);
  const down = await bdg(['subgraph', 'list'], { REGISTRY_URL: 'http://127.0.0.1:9' });
  expect(down.code).toBe(ExitCode.USAGE_OR_CONNECTION);
  expect(down.err).toContain('Cannot reach the registry');
  expect((await bdg(['--help'])).code).toBe(ExitCode.OK);
});
