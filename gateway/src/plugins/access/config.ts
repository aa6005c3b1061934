import path from 'node:path';
import { ConfigError, databaseConfig, DatabaseConfig } from '../../../../subgraphs/kit/config';
import { projectRoot } from '../../../../subgraphs/kit/project-root';
import type { AuthOptions } from '../auth';
import { DEV_AUDIENCE, DEV_ISSUER, devKeyDir } from '../auth/dev-keys';

/** Settings of identify (auth), check (access) and record (audit), read once from the environment. */
export interface AccessConfig {
  auth: AuthOptions;
  /** When no key is configured outside production: trust the local key pair in this folder (created on first use; `npm run token` signs with it). */
  devKeysDir?: string;
  /** Registry base URL serving GET /grants (REGISTRY_URL); when unset, grants come from grantsFile. */
  registryUrl?: string;
  /** Bearer token for the registry's grant API (REGISTRY_TOKEN). */
  registryToken?: string;
  /** Grants file (GRANTS_FILE); default schema/grants.dev.json. */
  grantsFile: string;
  /** Reject a whole operation when any field is denied (ACCESS_STRICT=true). */
  strict: boolean;
  /** The access-record database: ACCESS_DATABASE_URL or DATABASE_URL (schema <prefix>access), else <DATA_DIR>/access.sqlite. */
  accessDatabase: DatabaseConfig;
}

type Env = Record<string, string | undefined>;

export function accessConfig(env: Env = process.env): AccessConfig {
  const development = env.NODE_ENV === 'development';
  const publicKeyFiles = (env.AUTH_PUBLIC_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((f) => path.resolve(f));
  if (env.AUTH_HS256_SECRET && !development) throw new ConfigError('AUTH_HS256_SECRET is accepted only with NODE_ENV=development; configure AUTH_JWKS_URL or AUTH_PUBLIC_KEYS');
  if (env.AUTH_JWKS_URL && !/^https?:\/\//.test(env.AUTH_JWKS_URL)) throw new ConfigError(`AUTH_JWKS_URL must be an http(s) URL, got "${env.AUTH_JWKS_URL}"`);
  const keyConfigured = Boolean(env.AUTH_JWKS_URL || publicKeyFiles.length || env.AUTH_HS256_SECRET);
  if (!keyConfigured && env.NODE_ENV === 'production') throw new ConfigError('Set AUTH_JWKS_URL or AUTH_PUBLIC_KEYS (and AUTH_ISSUER, AUTH_AUDIENCE): production does not use the development keys');
  if (env.ACCESS_STRICT && !['true', 'false'].includes(env.ACCESS_STRICT)) throw new ConfigError(`ACCESS_STRICT must be true or false, got "${env.ACCESS_STRICT}"`);
  return {
    auth: {
      jwksUrl: env.AUTH_JWKS_URL || undefined,
      publicKeyFiles,
      issuer: env.AUTH_ISSUER || DEV_ISSUER,
      audience: env.AUTH_AUDIENCE || DEV_AUDIENCE,
      hs256Secret: env.AUTH_HS256_SECRET || undefined,
      development,
    },
    devKeysDir: keyConfigured ? undefined : devKeyDir(env.DATA_DIR || 'data'),
    registryUrl: env.REGISTRY_URL || undefined,
    registryToken: env.REGISTRY_TOKEN || undefined,
    grantsFile: path.resolve(env.GRANTS_FILE || path.join(projectRoot(), 'schema', 'grants.dev.json')),
    strict: env.ACCESS_STRICT === 'true',
    accessDatabase: databaseConfig('access', env),
  };
}
