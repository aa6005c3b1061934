import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { databaseConfig } from '../../../subgraphs/kit/config';
import { verifyAccessRecords } from '../plugins/audit/verify';

/**
 * `npm run audit:verify`: checks the access-record chain (ACCESS_DATABASE_URL / DATABASE_URL,
 * else <DATA_DIR>/access.sqlite) and reports the first altered, removed or reordered record with
 * its sequence number. Exit 0 when intact, 1 when tampered with, 2 when it cannot run.
 */
async function main(): Promise<number> {
  const envFile = path.resolve('.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const { exitCode, message } = await verifyAccessRecords(databaseConfig('access'));
  console.log(message);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`audit:verify could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
