import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import Database from 'better-sqlite3';
import { distScript } from './support/processes';

// `npm run seed` on its own database (a temp SQLite folder, or PostgreSQL schemas of their own):
// idempotent at one scale, refuses to mix scales, rebuilds with --reset.

const postgresUrl = process.env.TEST_DATABASE_URL;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bdg-test-seed-cli-'));
const schemaPrefix = `${process.env.DB_SCHEMA_PREFIX ?? 't'}seedcli_`;

function seed(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  if (postgresUrl) Object.assign(env, { DATABASE_URL: postgresUrl, DB_SCHEMA_PREFIX: schemaPrefix });
  else delete env.DATABASE_URL;
  delete env.SEED_SCALE;
  const run = spawnSync(process.execPath, [distScript('subgraphs/seed-cli.js'), ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function businessTable(): Promise<{ rows: number; scale: number }> {
  const sql = (table: string) => (postgresUrl ? `select count(*) as n from "${schemaPrefix}business".${table}` : `select count(*) as n from ${table}`);
  if (postgresUrl) {
    const client = new Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      const rows = Number((await client.query(sql('business'))).rows[0].n);
      const scale = Number((await client.query(`select scale from "${schemaPrefix}business".seed_run`)).rows[0].scale);
      return { rows, scale };
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(dataDir, 'business.sqlite'), { readonly: true });
  try {
    return { rows: Number((db.prepare(sql('business')).get() as { n: number }).n), scale: (db.prepare('select scale from seed_run').get() as { scale: number }).scale };
  } finally {
    db.close();
  }
}

afterAll(async () => {
  if (!postgresUrl) return;
  const client = new Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`drop schema if exists "${schemaPrefix}business" cascade`);
  await client.end();
});

test('seeds, then leaves a database seeded at the same scale as it is', async () => {
  const first = seed('--only', 'business', '--scale', '0.002');
  expect(first).toMatchObject({ code: 0 });
  expect(first.stdout).toMatch(/business: seeded at scale 0\.002/);
  const seeded = await businessTable();
  expect(seeded).toEqual({ rows: 116, scale: 0.002 });

  const again = seed('--only', 'business', '--scale', '0.002');
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/business: already seeded at scale 0\.002 .*nothing to do/);
  expect(await businessTable()).toEqual(seeded);
});

test('refuses to add another scale to a seeded database, and says how to rebuild it', async () => {
  const refused = seed('--only', 'business', '--scale', '0.004');
  expect(refused.code).toBe(3);
  expect(refused.stderr).toMatch(/seeded at scale 0\.002.*refusing to add scale 0\.004.*--reset/);
  expect(await businessTable()).toEqual({ rows: 116, scale: 0.002 });
});

test('--reset rebuilds the database at the new scale', async () => {
  const reset = seed('--only', 'business', '--scale', '0.004', '--reset');
  expect(reset.code).toBe(0);
  expect(reset.stdout).toMatch(/seeded at scale 0\.004 .*reset; before: seeded at scale 0\.002/);
  expect(await businessTable()).toEqual({ rows: 232, scale: 0.004 });
});

test('bad options: exit code 2 and the usage', () => {
  const unknown = seed('--only', 'nowhere');
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/Unknown subgraph "nowhere"; known: population, business/);
  const badFlag = seed('--bogus');
  expect(badFlag.code).toBe(2);
  expect(badFlag.stderr).toMatch(/Usage: npm run seed/);
  const badScale = seed('--scale', '2');
  expect(badScale.code).not.toBe(0);
  expect(badScale.stderr).toMatch(/--scale must be a fraction of the province in \(0, 1\]/);
});

test('the access records have no seed: --reset leaves them alone (an audit trail is never deleted by a seed)', () => {
  const run = seed('--only', 'access', '--reset');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/access: has no seed data .*left as it is/);
});
