import { parseArgs } from 'node:util';
import { DEFAULT_PORTS, parsePort, REFERENCE_DATE } from '../../kit';
import { DOSSIER_PERIOD_FROM, dossierPeriodWeeks } from './weeks';

/** Bad command-line input: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliOptions {
  help: boolean;
  /** Refresh the last N weeks; undefined: every week of the dossier period. */
  weeks?: number;
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  token?: string;
}

type Env = Record<string, string | undefined>;

export const USAGE = `usage: npm run -s ioc:refresh -- [--weeks N] [--gateway URL] [--token JWT]
  --weeks N       the last N ISO weeks (Monday–Sunday) up to the reference date ${REFERENCE_DATE}, 1 to ${dossierPeriodWeeks().length};
                  default: every week of the dossier period ${DOSSIER_PERIOD_FROM}..${REFERENCE_DATE}
  --gateway URL   the gateway, its base URL or its /graphql URL; default $GATEWAY_URL, else http://127.0.0.1:$GATEWAY_PORT (4000)
  --token JWT     bearer token; default $BDG_TOKEN; not needed (the dossier rates are public)
  -h, --help      show this text
Reads AdministrativeUnit.dossierStats of the province and its districts through the gateway and writes the
weekly indicators DVC-039 (online rate), DVC-040 (on-time rate), DVC-041 (electronic-result rate) into the
indicators database (INDICATORS_DATABASE_URL or DATABASE_URL, else <DATA_DIR>/indicators.sqlite).`;

function weeksOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const available = dossierPeriodWeeks().length;
  const weeks = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > available) {
    throw new UsageError(`--weeks must be a whole number of weeks from 1 to ${available} (the ISO weeks of ${DOSSIER_PERIOD_FROM}..${REFERENCE_DATE}), got "${raw}"`);
  }
  return weeks;
}

/** The /graphql endpoint of a gateway given by its base URL or that endpoint. */
export function graphqlEndpoint(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${source} must be an http:// or https:// URL such as http://127.0.0.1:4000, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${source} must be an http:// or https:// URL such as http://127.0.0.1:4000, got "${raw}"`);
  }
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/graphql';
  return url.toString();
}

function defaultGateway(env: Env): string {
  if (env.GATEWAY_URL) return graphqlEndpoint(env.GATEWAY_URL, 'GATEWAY_URL');
  let port: number;
  try {
    port = parsePort('GATEWAY_PORT', env.GATEWAY_PORT, DEFAULT_PORTS.gateway);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (port === 0) throw new UsageError('GATEWAY_PORT is 0 (any free port), so the gateway\'s address is unknown: pass --gateway URL');
  return `http://127.0.0.1:${port}/graphql`;
}

/** Reads and validates the command line; a UsageError says what is wrong. */
export function parseCliOptions(argv: string[], env: Env): CliOptions {
  let values: { weeks?: string; gateway?: string; token?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { weeks: { type: 'string' }, gateway: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { help: true, gatewayUrl: '' };
  const token = values.token ?? env.BDG_TOKEN;
  if (token !== undefined && !/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token.trim())) {
    throw new UsageError(`--token (or BDG_TOKEN) must be a JWT (three base64url parts separated by dots); mint one with "npm run -s token -- --agency YOUR-AGENCY", or leave it out`);
  }
  return {
    help: false,
    weeks: weeksOption(values.weeks),
    gatewayUrl: values.gateway !== undefined ? graphqlEndpoint(values.gateway, '--gateway') : defaultGateway(env),
    token: token?.trim() || undefined,
  };
}
