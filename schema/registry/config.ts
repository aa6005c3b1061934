import path from 'node:path';
import { ConfigError, DatabaseConfig, databaseConfig, parsePort } from '../../subgraphs/kit/config';
import { shutdownTimeoutMs } from '../../subgraphs/kit/shutdown';

/** How schema-breaking changes are judged (REGISTRY_CHECK_POLICY). */
export type CheckPolicy = 'strict' | 'usage';

/** The registry's configuration, read once from the environment and validated at start. */
export interface RegistryConfig {
  /** REGISTRY_PORT, default 4100 (0 = any free port). */
  port: number;
  /** REGISTRY_HOST, default 127.0.0.1. */
  host: string;
  /** REGISTRY_DATABASE_URL or DATABASE_URL (postgres://, schema `<DB_SCHEMA_PREFIX>registry`), else `<DATA_DIR>/registry.sqlite`. */
  database: DatabaseConfig;
  /** REGISTRY_ADMIN_TOKEN: the administrator's bearer token; without it the admin API answers 503. */
  adminToken?: string;
  /** REGISTRY_USAGE_WINDOW_DAYS, default 30: how far back client operations count in checks. */
  usageWindowDays: number;
  /**
   * REGISTRY_CHECK_POLICY: `strict` (default) refuses every schema-breaking change unless forced
   * and lists the client operations it would break; `usage` refuses only breaking changes that
   * break an operation seen in the usage window.
   */
  checkPolicy: CheckPolicy;
  /** Longest a `GET /supergraph?after=` long-poll is held, in seconds (REGISTRY_LONG_POLL_MAX_S, default 30). */
  longPollMaxSeconds: number;
  /** Milliseconds in-flight requests get to finish on SIGTERM (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_REGISTRY_PORT = 4100;

function parseWholeNumber(variable: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${variable} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function parsePolicy(raw: string | undefined): CheckPolicy {
  if (raw === undefined || raw === '' || raw === 'strict') return 'strict';
  if (raw === 'usage') return 'usage';
  throw new ConfigError(`REGISTRY_CHECK_POLICY must be "strict" (refuse every breaking change unless forced) or "usage" (refuse only those that break operations clients used), got "${raw}"`);
}

function parseAdminToken(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 24) throw new ConfigError('REGISTRY_ADMIN_TOKEN must be at least 24 characters long (e.g. `openssl rand -base64 32`)');
  return raw;
}

export function registryConfig(env: Env = process.env): RegistryConfig {
  return {
    port: parsePort('REGISTRY_PORT', env.REGISTRY_PORT, DEFAULT_REGISTRY_PORT),
    host: env.REGISTRY_HOST || '127.0.0.1',
    // The kit's rule: REGISTRY_DATABASE_URL, then DATABASE_URL, else <DATA_DIR>/registry.sqlite.
    database: databaseConfig('registry', env),
    adminToken: parseAdminToken(env.REGISTRY_ADMIN_TOKEN),
    usageWindowDays: parseWholeNumber('REGISTRY_USAGE_WINDOW_DAYS', env.REGISTRY_USAGE_WINDOW_DAYS, 30, 1, 366),
    checkPolicy: parsePolicy(env.REGISTRY_CHECK_POLICY),
    longPollMaxSeconds: parseWholeNumber('REGISTRY_LONG_POLL_MAX_S', env.REGISTRY_LONG_POLL_MAX_S, 30, 1, 300),
    shutdownTimeoutMs: shutdownTimeoutMs(env),
  };
}

/** Where `npm start` keeps a generated admin token when REGISTRY_ADMIN_TOKEN is unset. */
export function adminTokenFile(env: Env = process.env): string {
  return path.join(path.resolve(env.DATA_DIR || 'data'), 'registry-admin-token');
}
