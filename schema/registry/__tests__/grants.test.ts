import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RegistryGrantSource } from '../../../gateway/src/plugins/access/grant-source';
import { developmentGrantsFile, seedGrantsIfEmpty } from '../bootstrap';
import { ExitCode, runCli } from '../cli/main';
import { startTestRegistry, TestRegistry } from '../../../test/support/registry';

// Grants live in the registry's database: the administrator manages them with `bdg grant …`
// through the registry's API, the gateway's registry grant source reads them with its gateway
// token, and `npm start` seeds the development grants into an empty table only.

let registry: TestRegistry;
let gatewayToken: string;
let agencyToken: string;

async function bdg(args: string[], token: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { env: { REGISTRY_URL: registry.url, REGISTRY_TOKEN: token }, out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

beforeAll(async () => {
  registry = await startTestRegistry();
  gatewayToken = (await registry.admin.issueGatewayToken({ label: 'grants-test' })).token;
  await registry.admin.createAgency('soyte', 'Sở Y tế');
  agencyToken = (await registry.admin.issueAgencyToken('soyte', { label: 'grants-test' })).token;
});
afterAll(async () => {
  await registry?.stop();
});

test('the administrator adds and revokes a grant with bdg; the gateway sees it appear and go', async () => {
  const source = new RegistryGrantSource(registry.url, 0, gatewayToken); // re-reads on every call
  expect(await source.grantsFor('SO-Y-TE')).toEqual([]);

  const added = await bdg(['grant', 'add', '--agency', 'SO-Y-TE', '--level', 'BASIC', '--fields', 'Citizen.ethnicity', '--purposes', 'vaccination,care', '--legal-basis', 'Luật Khám bệnh, chữa bệnh 2023', '--valid-to', '2099-12-31'], registry.adminToken);
  expect(added).toMatchObject({ code: ExitCode.OK, err: '' });
  const id = /grant (\S+) added for SO-Y-TE/.exec(added.out)![1];

  expect(await source.grantsFor('SO-Y-TE')).toEqual([expect.objectContaining({ id, agency: 'SO-Y-TE', level: 'BASIC', fields: ['Citizen.ethnicity'], purposes: ['vaccination', 'care'], validTo: '2099-12-31' })]);
  const listed = await bdg(['grant', 'list', '--agency', 'SO-Y-TE'], registry.adminToken);
  expect(listed.code).toBe(ExitCode.OK);
  expect(listed.out).toContain(id);
  expect(listed.out).toContain('purposes=vaccination,care');

  expect(await bdg(['grant', 'revoke', id], registry.adminToken)).toMatchObject({ code: ExitCode.OK, out: `grant ${id} revoked\n` });
  expect(await source.grantsFor('SO-Y-TE')).toEqual([]);
  expect((await bdg(['grant', 'list', '--agency', 'SO-Y-TE'], registry.adminToken)).out).toBe('no grants\n');
  // Revoking an unknown grant is a refusal naming the id.
  const unknown = await bdg(['grant', 'revoke', '00000000-0000-0000-0000-000000000000'], registry.adminToken);
  expect(unknown.code).toBe(ExitCode.REFUSED);
  expect(unknown.err).toContain('00000000-0000-0000-0000-000000000000');
});

test('only the administrator writes grants; the gateway reads them; an agency does neither', async () => {
  const grant = ['grant', 'add', '--agency', 'CONG-AN', '--level', 'BASIC', '--purposes', 'residence-check', '--legal-basis', 'Luật Cư trú 2020'];
  const byGateway = await bdg(grant, gatewayToken);
  expect(byGateway.code).toBe(ExitCode.REFUSED);
  expect(byGateway.err).toMatch(/admin token/);
  expect((await bdg(grant, agencyToken)).code).toBe(ExitCode.REFUSED);
  expect((await bdg(['grant', 'list'], agencyToken)).code).toBe(ExitCode.REFUSED);
  expect((await bdg(['grant', 'list'], gatewayToken)).code).toBe(ExitCode.OK);
  expect((await bdg(grant, 'not-a-token')).code).toBe(ExitCode.REFUSED);
  // An invalid grant is refused with every problem named.
  const invalid = await bdg(['grant', 'add', '--agency', 'X', '--level', 'SENSITIVE'], registry.adminToken);
  expect(invalid.code).toBe(ExitCode.REFUSED);
  expect(invalid.err).toMatch(/naming them in fields.*purposes.*legalBasis/);
});

test('npm start seeds the development grants only into an empty grants table', async () => {
  const fresh = await startTestRegistry();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bdg-grants-'));
  try {
    const source = new RegistryGrantSource(fresh.url, 0, fresh.adminToken);
    expect(await seedGrantsIfEmpty(fresh.url, fresh.adminToken, developmentGrantsFile({}))).toBeGreaterThan(0);
    const demo = await source.grantsFor('DEMO-AGENCY');
    expect(demo).toEqual([expect.objectContaining({ level: 'BASIC', fields: ['Citizen.ethnicity'] })]);
    // Second start: the table has grants, nothing is imported again, even after a revoke.
    expect(await seedGrantsIfEmpty(fresh.url, fresh.adminToken, developmentGrantsFile({}))).toBe(0);
    let out = '';
    await runCli(['grant', 'revoke', demo[0].id!], { env: { REGISTRY_URL: fresh.url, REGISTRY_TOKEN: fresh.adminToken }, out: (t) => (out += t), err: () => {} });
    expect(out).toContain('revoked');
    expect(await seedGrantsIfEmpty(fresh.url, fresh.adminToken, developmentGrantsFile({}))).toBe(0);
    expect(await source.grantsFor('DEMO-AGENCY')).toEqual([]);
    // A broken grants file is refused as a whole.
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ grants: [{ agency: 'X' }] }));
    const empty = await startTestRegistry();
    try {
      await expect(seedGrantsIfEmpty(empty.url, empty.adminToken, broken)).rejects.toThrow(/grant 0: .*purposes/);
    } finally {
      await empty.stop();
    }
  } finally {
    await fresh.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
