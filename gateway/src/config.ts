import path from 'node:path';
import { ConfigError, DEFAULT_PORTS, envName, parsePort } from '../../subgraphs/kit/config';
import { shutdownTimeoutMs } from '../../subgraphs/kit/shutdown';
import { signingSecretFor } from '../../subgraphs/kit/signature';
import { accessConfig, AccessConfig } from './plugins/access/config';
import { DEFAULT_SUBGRAPH_CONNECTIONS } from './subgraph-calls';
import { requestLimitsConfig, RequestLimitsConfig } from './plugins/limits/config';

/** The gateway's configuration, read once from the environment and validated at start. */
export interface GatewayConfig {
  port: number;
  /** Host to bind; 127.0.0.1 by default so a development start is not exposed. */
  host: string;
  /** The composed supergraph the gateway serves. */
  supergraphPath: string;
  /** Routing URL overrides per subgraph name (`<NAME>_URL`), e.g. when ports are not the defaults. */
  subgraphUrls: Record<string, string>;
  /** Milliseconds a subgraph call may take before it fails (SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs: number;
  /** Per-subgraph time limits (`<NAME>_TIMEOUT_MS`), overriding subgraphTimeoutMs. */
  subgraphTimeouts?: Record<string, number>;
  /** Retries of a failed query call (SUBGRAPH_MAX_RETRIES, default 2; never for mutations). */
  subgraphMaxRetries?: number;
  /** Answer identical public query fetches in flight with one subgraph call (SUBGRAPH_SHARE_IN_FLIGHT, default on). */
  shareInFlight?: boolean;
  /** Send a request's `_entities` fetches to one subgraph with one operation in the same turn as one call, each representation once (SUBGRAPH_BATCH_ENTITIES, default on). */
  batchEntities?: boolean;
  /** Milliseconds an open circuit waits before a probe call (SUBGRAPH_BREAKER_RESET_MS, default 5000). */
  breakerResetMs?: number;
  /** Connections the gateway keeps open to each subgraph; further calls wait for one (SUBGRAPH_CONNECTIONS, default 16). */
  subgraphConnections?: number;
  development: boolean;
  /** Milliseconds in-flight requests get to finish on SIGTERM. */
  shutdownTimeoutMs: number;
  /** Tokens, grants and access records (plugins/access/config.ts); read from the environment when absent. */
  access?: AccessConfig;
  /** Body size, rate limits, persisted operations and operation limits (plugins/LIMITS.md); read from the environment when absent. */
  requestLimits?: RequestLimitsConfig;
  /** HMAC secret per subgraph for signing its calls (`<NAME>_SIGNING_SECRET`, else SUBGRAPH_SIGNING_SECRET); read from the environment when absent. */
  subgraphSigningSecrets?: Record<string, string>;
  /** The most rows one export may write (EXPORT_MAX_ROWS, default 1,000,000; gateway/src/export). */
  exportMaxRows?: number;
  /** Follow the schema registry's current supergraph (REGISTRY_URL); unset: serve supergraphPath as a static file. */
  registry?: GatewayRegistryConfig;
}

/** How the gateway follows the registry (see supergraph-source/ and plugins/usage-reporting/). */
export interface GatewayRegistryConfig {
  /** REGISTRY_URL, e.g. http://127.0.0.1:4100. */
  url: string;
  /** REGISTRY_TOKEN: a gateway token from the registry administrator (bdg gateway token). */
  token: string;
  /** Where the last good supergraph is kept: `<DATA_DIR>/gateway`. */
  stateDir: string;
  /** Milliseconds between attempts while the registry is down (REGISTRY_RETRY_MS, default 5000). */
  retryIntervalMs: number;
  /** Seconds a long-poll may be held (REGISTRY_LONG_POLL_S, default 25). */
  longPollSeconds: number;
  /** Health-check a new version's subgraphs before switching (SUPERGRAPH_HEALTH_CHECK=true; default false). */
  healthCheck: boolean;
  /** Milliseconds between usage reports (USAGE_REPORT_INTERVAL_MS, default 5000); null when USAGE_REPORTING=off. */
  usageReportIntervalMs: number | null;
}

/** The signing secret of every subgraph, or a ConfigError naming the variables to set. */
export function subgraphSigningSecrets(names: readonly string[], env: Env = process.env, required = true): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const name of names) {
    const secret = signingSecretFor(name, env);
    if (!secret && !required) continue;
    if (!secret) {
      const dataDir = path.resolve(env.DATA_DIR || 'data');
      throw new ConfigError(
        `${envName(name, 'SIGNING_SECRET')} (or SUBGRAPH_SIGNING_SECRET) is not set: the gateway signs every call to the ${name} subgraph with the secret it shares with it. ` +
          (env.REGISTRY_URL
            ? `The registry at REGISTRY_URL issued none for "${name}" (GET /gateway/subgraph-secrets) and none is saved in ${path.join(dataDir, 'gateway', 'subgraph-secrets.json')}: publish the subgraph through the registry, or set the variable.`
            : `Set it, or follow the schema registry (REGISTRY_URL and REGISTRY_TOKEN, as "npm start" does): the gateway then takes the secret the registry issued to each subgraph.`),
      );
    }
    secrets[name] = secret;
  }
  return secrets;
}

type Env = Record<string, string | undefined>;

function parsePositiveInt(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${variable} must be a positive whole number, got "${raw}"`);
  return value;
}

function parseOnOff(variable: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'on' && raw !== 'off') throw new ConfigError(`${variable} must be "on" or "off", got "${raw}"`);
  return raw === 'on';
}

function parseUrl(variable: string, raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    return url.toString();
  } catch {
    throw new ConfigError(`${variable} must be an http(s) URL such as http://127.0.0.1:4001/graphql, got "${raw}"`);
  }
}

/** `<NAME>_URL` overrides for the given subgraph names. */
export function subgraphUrlOverrides(names: readonly string[], env: Env = process.env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of names) {
    const variable = envName(name, 'URL');
    if (env[variable]) urls[name] = parseUrl(variable, env[variable]!);
  }
  return urls;
}

/** The registry settings, or undefined when REGISTRY_URL is unset (static supergraph file, as before). */
export function gatewayRegistryConfig(env: Env = process.env): GatewayRegistryConfig | undefined {
  if (!env.REGISTRY_URL) return undefined;
  if (!env.REGISTRY_TOKEN) throw new ConfigError('REGISTRY_TOKEN must be set with REGISTRY_URL: a gateway token issued by the registry administrator ("bdg gateway token"; npm start issues one)');
  if (env.SUPERGRAPH_HEALTH_CHECK && !['true', 'false'].includes(env.SUPERGRAPH_HEALTH_CHECK)) throw new ConfigError(`SUPERGRAPH_HEALTH_CHECK must be true or false, got "${env.SUPERGRAPH_HEALTH_CHECK}"`);
  if (env.USAGE_REPORTING && !['on', 'off'].includes(env.USAGE_REPORTING)) throw new ConfigError(`USAGE_REPORTING must be on or off, got "${env.USAGE_REPORTING}"`);
  return {
    url: parseUrl('REGISTRY_URL', env.REGISTRY_URL).replace(/\/+$/, ''),
    token: env.REGISTRY_TOKEN,
    stateDir: path.join(path.resolve(env.DATA_DIR || 'data'), 'gateway'),
    retryIntervalMs: parsePositiveInt('REGISTRY_RETRY_MS', env.REGISTRY_RETRY_MS, 5_000),
    longPollSeconds: parsePositiveInt('REGISTRY_LONG_POLL_S', env.REGISTRY_LONG_POLL_S, 25),
    healthCheck: env.SUPERGRAPH_HEALTH_CHECK === 'true',
    usageReportIntervalMs: env.USAGE_REPORTING === 'off' ? null : parsePositiveInt('USAGE_REPORT_INTERVAL_MS', env.USAGE_REPORT_INTERVAL_MS, 5_000),
  };
}

export function gatewayConfig(subgraphNames: readonly string[], env: Env = process.env): GatewayConfig {
  return {
    port: parsePort('GATEWAY_PORT', env.GATEWAY_PORT, DEFAULT_PORTS.gateway),
    host: env.GATEWAY_HOST || '127.0.0.1',
    supergraphPath: path.resolve(env.SUPERGRAPH_PATH || 'schema/supergraph.graphql'),
    subgraphUrls: subgraphUrlOverrides(subgraphNames, env),
    subgraphTimeoutMs: parsePositiveInt('SUBGRAPH_TIMEOUT_MS', env.SUBGRAPH_TIMEOUT_MS, 10_000),
    subgraphTimeouts: Object.fromEntries(
      subgraphNames.filter((name) => env[envName(name, 'TIMEOUT_MS')]).map((name) => [name, parsePositiveInt(envName(name, 'TIMEOUT_MS'), env[envName(name, 'TIMEOUT_MS')], 10_000)]),
    ),
    subgraphMaxRetries: env.SUBGRAPH_MAX_RETRIES === '0' ? 0 : parsePositiveInt('SUBGRAPH_MAX_RETRIES', env.SUBGRAPH_MAX_RETRIES, 2),
    shareInFlight: parseOnOff('SUBGRAPH_SHARE_IN_FLIGHT', env.SUBGRAPH_SHARE_IN_FLIGHT, true),
    batchEntities: parseOnOff('SUBGRAPH_BATCH_ENTITIES', env.SUBGRAPH_BATCH_ENTITIES, true),
    breakerResetMs: parsePositiveInt('SUBGRAPH_BREAKER_RESET_MS', env.SUBGRAPH_BREAKER_RESET_MS, 5_000),
    subgraphConnections: parsePositiveInt('SUBGRAPH_CONNECTIONS', env.SUBGRAPH_CONNECTIONS, DEFAULT_SUBGRAPH_CONNECTIONS),
    development: env.NODE_ENV === 'development',
    shutdownTimeoutMs: shutdownTimeoutMs(env),
    access: accessConfig(env),
    requestLimits: requestLimitsConfig(env),
    // Following a registry, the secrets come from it; those in the environment are the fallback.
    subgraphSigningSecrets: subgraphSigningSecrets(subgraphNames, env, !env.REGISTRY_URL),
    registry: gatewayRegistryConfig(env),
  };
}
