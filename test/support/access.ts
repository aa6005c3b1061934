import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import type { AccessConfig } from '../../gateway/src/plugins/access/config';
import { DEV_ALG, ensureDevKeys, loadDevPrivateKey } from '../../gateway/src/plugins/auth/dev-keys';
import { databaseConfig, DatabaseConfig } from '../../subgraphs/kit/config';

// Tokens, grants and the access-record database of the test stack: a key pair per test file,
// the grants of test/support/grants.test.json, and an access-record database per stack.

export const TEST_ISSUER = 'bdg-test';
export const TEST_AUDIENCE = 'bdg-gateway-test';
export const TEST_GRANTS_FILE = path.join(__dirname, 'grants.test.json');
/** The agency and purpose the existing end-to-end tests read personal data with. */
export const SERVICE_AGENCY = 'TEST-SERVICE';
export const SERVICE_PURPOSE = 'service-delivery';

let keyDir: string | undefined;
function testKeyDir(): string {
  return (keyDir ??= mkdtempSync(path.join(os.tmpdir(), 'bdg-test-keys-')));
}

export interface TokenOptions {
  agency?: string;
  sub?: string;
  scopes?: string[];
  /** Seconds until expiry; negative for an expired token. Default 600. */
  ttl?: number;
  issuer?: string;
  audience?: string;
}

/** A token the test stack's gateway trusts (signed with this test file's key). */
export async function testToken(options: TokenOptions = {}): Promise<string> {
  await ensureDevKeys(testKeyDir());
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, string> = { scope: (options.scopes ?? []).join(' ') };
  if (options.agency) claims.agency = options.agency;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_ALG })
    .setSubject(options.sub ?? `officer@${options.agency ?? 'nowhere'}`)
    .setIssuer(options.issuer ?? TEST_ISSUER)
    .setAudience(options.audience ?? TEST_AUDIENCE)
    .setIssuedAt(now - 5)
    .setExpirationTime(now + (options.ttl ?? 600))
    .sign(await loadDevPrivateKey(testKeyDir()));
}

/** Headers of a caller: bearer token and, when given, the declared purpose. */
export async function callerHeaders(options: TokenOptions & { purpose?: string } = {}): Promise<Record<string, string>> {
  const headers: Record<string, string> = { authorization: `Bearer ${await testToken(options)}` };
  if (options.purpose) headers['x-purpose'] = options.purpose;
  return headers;
}

/** The headers the existing end-to-end tests use to read personal data: a granted agency and purpose. */
export function grantedHeaders(): Promise<Record<string, string>> {
  return callerHeaders({ agency: SERVICE_AGENCY, purpose: SERVICE_PURPOSE });
}

/** A fresh access-record database for one stack: its own SQLite file, or its own PostgreSQL schema. */
export function testAccessDatabase(): DatabaseConfig {
  const suffix = randomBytes(4).toString('hex');
  const base = databaseConfig('access');
  if (base.kind === 'postgresql') return { ...base, schema: `${base.schema}_${suffix}` };
  return { kind: 'sqlite', file: path.join(path.dirname(base.file), `access-${suffix}.sqlite`) };
}

export async function testAccessConfig(accessDatabase: DatabaseConfig, overrides: Partial<AccessConfig> = {}): Promise<AccessConfig> {
  const { publicKeyFile } = await ensureDevKeys(testKeyDir());
  return {
    auth: { publicKeyFiles: [publicKeyFile], issuer: TEST_ISSUER, audience: TEST_AUDIENCE, development: false },
    grantsFile: TEST_GRANTS_FILE,
    strict: false,
    accessDatabase,
    ...overrides,
  };
}
