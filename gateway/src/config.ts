import path from 'node:path';
import { ConfigError, DEFAULT_PORTS, envName, parsePort } from '../../subgraphs/kit/config';
import { shutdownTimeoutMs } from '../../subgraphs/kit/shutdown';

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
  /** Milliseconds an open circuit waits before a probe call (SUBGRAPH_BREAKER_RESET_MS, default 5000). */
  breakerResetMs?: number;
  development: boolean;
  /** Milliseconds in-flight requests get to finish on SIGTERM. */
  shutdownTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

function parsePositiveInt(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${variable} must be a positive whole number, got "${raw}"`);
  return value;
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
    breakerResetMs: parsePositiveInt('SUBGRAPH_BREAKER_RESET_MS', env.SUBGRAPH_BREAKER_RESET_MS, 5_000),
    development: env.NODE_ENV === 'development',
    shutdownTimeoutMs: shutdownTimeoutMs(env),
  };
}
