import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { Client } from 'pg';
import { RegistryGrantSource } from '../../../gateway/src/plugins/access/grant-source';
import { databaseConfig, DatabaseConfig } from '../../../subgraphs/kit/config';
import { Database, openDatabase } from '../../../subgraphs/kit/orm';
import { grantsCommand, grantRouter, grantService } from '..';
import { REGISTRY_STORE } from '../../registry/entities';

// Grants managed by an administrator through the registry's API and CLI, stored in a database,
// and read by the gateway over HTTP (RegistryGrantSource).

const ADMIN = 'admin-token-for-the-grants-test';
const GATEWAY = 'gateway-token-for-the-grants-test';
let database: DatabaseConfig;
let db: Database;
let server: http.Server;
let url: string;

beforeAll(async () => {
  const base = databaseConfig('registry');
  database = base.kind === 'postgresql' ? { ...base, schema: `${base.schema}_grants_${process.pid}` } : { kind: 'sqlite', file: path.join(mkdtempSync(path.join(os.tmpdir(), 'bdg-test-grants-')), 'grants.sqlite') };
  db = await openDatabase(database, REGISTRY_STORE);
  const bearer = (...tokens: string[]) => (req: express.Request, res: express.Response, next: express.NextFunction) =>
    tokens.includes((req.header('authorization') ?? '').replace(/^Bearer /, '')) ? next() : void res.status(403).json({ error: { code: 'FORBIDDEN', message: 'not allowed' } });
  const app = express();
  app.use(express.json());
  app.use(grantRouter({ em: () => db.orm.em.fork(), requireAdmin: bearer(ADMIN), requireReader: bearer(ADMIN, GATEWAY) }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  if (server?.listening) server.close();
  await db?.close();
  if (database?.kind === 'postgresql') {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(`drop schema if exists "${database.schema}" cascade`);
    await client.end();
  }
});

test('the administrator adds, lists and revokes grants with the CLI; the gateway reads them', async () => {
  const admin = { registryUrl: url, token: ADMIN };
  const added = await grantsCommand(['add', '--agency', 'SO-Y-TE', '--level', 'BASIC', '--fields', 'Citizen.ethnicity', '--purposes', 'vaccination,care', '--legal-basis', 'Luật Khám bệnh, chữa bệnh 2023', '--valid-to', '2099-12-31'], admin);
  const id = /grant (\S+) added/.exec(added)![1];
  expect(await grantsCommand(['list', '--agency', 'SO-Y-TE'], admin)).toContain('purposes=vaccination,care');

  const gatewaySource = new RegistryGrantSource(url, 0, GATEWAY);
  expect(await gatewaySource.grantsFor('SO-Y-TE')).toEqual([
    expect.objectContaining({ id, agency: 'SO-Y-TE', level: 'BASIC', fields: ['Citizen.ethnicity'], purposes: ['vaccination', 'care'], validTo: '2099-12-31' }),
  ]);
  expect(await gatewaySource.grantsFor('OTHER')).toEqual([]);

  await grantsCommand(['revoke', id], admin);
  expect(await gatewaySource.grantsFor('SO-Y-TE')).toEqual([]);
  expect(await grantService.list(db.orm.em.fork(), { includeRevoked: true })).toEqual([expect.objectContaining({ id, revokedAt: expect.any(String) })]);
});

test('a grant to act for units (process their dossiers) is stored and read back with its units', async () => {
  const admin = { registryUrl: url, token: ADMIN };
  const added = await grantsCommand(['add', '--agency', 'UBND-BEN-CAT', '--acts-for', '721,25741', '--purposes', 'dossier-processing', '--legal-basis', 'Nghị định 107/2021/NĐ-CP'], admin);
  const id = /grant (\S+) added/.exec(added)![1];
  expect(await grantsCommand(['list', '--agency', 'UBND-BEN-CAT'], admin)).toContain('actsFor=721,25741');
  expect(await new RegistryGrantSource(url, 0, GATEWAY).grantsFor('UBND-BEN-CAT')).toEqual([expect.objectContaining({ id, actsFor: ['721', '25741'], purposes: ['dossier-processing'] })]);
  await expect(grantsCommand(['add', '--agency', 'X', '--acts-for', 'Bến Cát', '--purposes', 'p', '--legal-basis', 'b'], admin)).rejects.toThrow(/actsFor must be a list of administrative unit ids/);
  await grantsCommand(['revoke', id], admin);
});

test('invalid grants are refused with every problem named; a sensitive level cannot be granted', async () => {
  await expect(grantsCommand(['add', '--agency', 'X', '--level', 'SENSITIVE', '--purposes', 'p', '--legal-basis', 'b'], { registryUrl: url, token: ADMIN })).rejects.toThrow(/naming them in fields/);
  await expect(grantsCommand(['add', '--agency', 'X', '--level', 'BASIC'], { registryUrl: url, token: ADMIN })).rejects.toThrow(/purposes.*legalBasis/);
  await expect(grantsCommand(['list'], { registryUrl: url, token: 'wrong' })).rejects.toThrow(/not allowed/);
});

test('the development grants file is valid and imports into an empty table', async () => {
  const file = JSON.parse(readFileSync(path.resolve(__dirname, '../../grants.dev.json'), 'utf8'));
  const fresh = await openDatabase(database.kind === 'sqlite' ? { kind: 'sqlite', file: database.file.replace('grants.sqlite', 'import.sqlite') } : { ...database, schema: `${database.schema}_i` }, REGISTRY_STORE);
  try {
    expect(await grantService.importIfEmpty(fresh.orm.em.fork(), file.grants)).toBe(file.grants.length);
    expect(await grantService.importIfEmpty(fresh.orm.em.fork(), file.grants)).toBe(0);
  } finally {
    if (database.kind === 'postgresql') await fresh.orm.em.getConnection().execute(`drop schema if exists "${database.schema}_i" cascade`);
    await fresh.close();
  }
});

test('a gateway keeps the last good grants when the registry goes down, and denies before the first load', async () => {
  await grantsCommand(['add', '--agency', 'CONG-AN', '--level', 'BASIC', '--purposes', 'residence-check', '--legal-basis', 'Luật Cư trú 2020'], { registryUrl: url, token: ADMIN });
  const source = new RegistryGrantSource(url, 0, GATEWAY); // refresh on every call
  expect(await source.grantsFor('CONG-AN')).toHaveLength(1);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  expect(await source.grantsFor('CONG-AN')).toHaveLength(1);
  const neverLoaded = new RegistryGrantSource(url, 0, GATEWAY);
  await expect(neverLoaded.grantsFor('CONG-AN')).rejects.toThrow();
});
