import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSubgraph } from '../../subgraphs/catalog';
import { createLogger, openDatabase, seedIfEmpty, subgraphConfig } from '../../subgraphs/kit';
import { TEST_SEED_SCALE, testSubgraphs, usesPostgres } from './test-env';

/**
 * Seeds one shared data set for the whole run before any test file starts (test files then
 * start subgraphs on it read-only). The environment set here is inherited by the workers.
 */
export default async function globalSetup(): Promise<void> {
  process.env.SEED_SCALE = TEST_SEED_SCALE;
  process.env.LOG_LEVEL ??= 'silent';
  // Gateway and subgraphs (in-process or forked) sign and verify subgraph calls with one secret.
  process.env.SUBGRAPH_SIGNING_SECRET ??= randomBytes(32).toString('hex');
  // The load and fault tests send hundreds of anonymous requests a second from 127.0.0.1, which
  // the default rate limit (600 a minute per address) would refuse; test/rate-limit.test.ts
  // sets its own limits.
  process.env.RATE_LIMIT_PER_MINUTE ??= '0';
  // The run's files (SQLite databases, development keys, the gateway's saved state) stay out of
  // the work tree, on PostgreSQL too.
  process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'bdg-test-'));
  if (usesPostgres()) {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    process.env.DB_SCHEMA_PREFIX = `t${Date.now().toString(36)}${process.pid}_`;
  } else {
    delete process.env.DATABASE_URL;
  }
  for (const name of testSubgraphs()) {
    const definition = loadSubgraph(name);
    const config = subgraphConfig(name);
    const database = await openDatabase(config.database, definition);
    try {
      await seedIfEmpty(definition, database, config.seedScale, createLogger(`${name}-seed`));
    } finally {
      await database.close();
    }
  }
}
