import path from 'node:path';

/** Thrown at start when the environment is invalid; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgresql'; url: string; schema: string };

export interface SubgraphConfig {
  name: string;
  port: number;
  database: DatabaseConfig;
  /** Fraction of the province the seed generates when the database is empty (0.01 = 1%). */
  seedScale: number;
  /** Secret shared with the gateway (default: `<NAME>_SIGNING_SECRET`, else SUBGRAPH_SIGNING_SECRET; see signature.ts). */
  signingSecret?: string;
  /** Refuse requests the gateway did not sign (default: SUBGRAPH_SIGNATURE_CHECKS, "on"). */
  signatureChecks?: boolean;
  /** Oldest signature accepted, in ms (default: SIGNATURE_MAX_AGE_MS, 30,000). */
  signatureMaxAgeMs?: number;
}

/** Default ports of the local setup; every one can be changed by its variable. */
export const DEFAULT_PORTS: Record<string, number> = {
  gateway: 4000,
  population: 4001,
  business: 4002,
  dossiers: 4003,
  indicators: 4004,
  access: 4005,
};

export const DEFAULT_SEED_SCALE = 0.01;

type Env = Record<string, string | undefined>;

export function envName(subgraph: string, suffix: string): string {
  return `${subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${suffix}`;
}

export function parsePort(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${variable} must be a TCP port between 0 and 65535 (0 picks a free one), got "${raw}"`);
  }
  return port;
}

export function parseSeedScale(variable: string, raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_SEED_SCALE;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
    throw new ConfigError(`${variable} must be a fraction of the province in (0, 1], e.g. 0.01 for 1%, got "${raw}"`);
  }
  return scale;
}

/**
 * Where a subgraph keeps its data: PostgreSQL when `<NAME>_DATABASE_URL` or `DATABASE_URL`
 * is a postgres:// URL (each subgraph in its own schema, `<DB_SCHEMA_PREFIX><name>`),
 * otherwise an SQLite file `<DATA_DIR>/<name>.sqlite`.
 */
export function databaseConfig(name: string, env: Env = process.env): DatabaseConfig {
  const ownVariable = envName(name, 'DATABASE_URL');
  const variable = env[ownVariable] ? ownVariable : 'DATABASE_URL';
  const url = env[variable];
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new ConfigError(`${variable} must be a postgres:// URL (leave it unset to use the embedded SQLite files in DATA_DIR), got "${url.replace(/\/\/[^@]*@/, '//***@')}"`);
    }
    const prefix = env.DB_SCHEMA_PREFIX ?? '';
    if (!/^[a-z0-9_]*$/.test(prefix)) throw new ConfigError(`DB_SCHEMA_PREFIX may hold only a-z, 0-9 and _, got "${prefix}"`);
    return { kind: 'postgresql', url, schema: `${prefix}${name}` };
  }
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  return { kind: 'sqlite', file: path.join(dataDir, `${name}.sqlite`) };
}

export function subgraphConfig(name: string, env: Env = process.env): SubgraphConfig {
  const portVariable = envName(name, 'PORT');
  return {
    name,
    port: parsePort(portVariable, env[portVariable], DEFAULT_PORTS[name] ?? 0),
    database: databaseConfig(name, env),
    seedScale: parseSeedScale('SEED_SCALE', env.SEED_SCALE),
  };
}
