import { openDatabase, PROVINCE_ID } from '../../kit';
import type { DatabaseConfig } from '../../kit/config';
import type { Period } from '../domain/periods';
import { subgraph } from '../index';
import { RefreshError, RefreshErrorCode } from './errors';
import { GatewayClientOptions, queryGateway } from './gateway-client';
import { ensureDossierRateIndicators, writeObservations } from './observations';
import { ALIASES_PER_WEEK, dossierRatesQuery, dossierRatesVariables, readDossierRates } from './stats-query';

/** The gateway's default MAX_ALIASES (gateway/src/plugins/LIMITS.md). */
const DEFAULT_MAX_ALIASES = 30;

export interface RefreshOptions extends GatewayClientOptions {
  /** The ISO weeks to refresh (see weeks.ts). */
  weeks: readonly Period[];
  /** The indicators subgraph's database (subgraphConfig('indicators').database). */
  database: DatabaseConfig;
  /** Weeks per GraphQL request; default what the gateway's default alias limit allows (15). */
  weeksPerRequest?: number;
  /** Called after every batch is written. */
  onProgress?: (progress: RefreshProgress) => void;
}

export interface RefreshProgress {
  weeksDone: number;
  weeksTotal: number;
  observationsWritten: number;
}

export interface RefreshSummary {
  weeks: number;
  /** Units refreshed: the province and its children. */
  units: number;
  requests: number;
  observationsWritten: number;
  observationsRemoved: number;
  seconds: number;
}

/** A smaller batch when the gateway refused this one for its size; undefined when it cannot shrink. */
function smallerBatch(error: unknown, weeksPerRequest: number): number | undefined {
  if (!(error instanceof RefreshError)) return undefined;
  const aliases = error.gatewayError('MAX_ALIASES_EXCEEDED');
  const limit = Number(aliases?.extensions?.limit);
  let next: number | undefined;
  if (aliases && Number.isInteger(limit)) next = Math.floor(limit / ALIASES_PER_WEEK);
  else if (error.gatewayError('MAX_COST_EXCEEDED') || error.gatewayError('PAYLOAD_TOO_LARGE')) next = Math.floor(weeksPerRequest / 2);
  return next !== undefined && next >= 1 && next < weeksPerRequest ? next : undefined;
}

function where(database: DatabaseConfig): string {
  return database.kind === 'sqlite' ? database.file : `PostgreSQL schema ${database.schema}`;
}

/**
 * Computes the weekly dossier indicators (seed/derived.ts) of the province and its districts
 * from the live `dossierStats` through the gateway, and writes them into the indicators
 * database: one GraphQL request and one transaction per batch of weeks. Idempotent: a second
 * run replaces the same observations. A batch the gateway refuses as too large (its alias or
 * cost limit) is asked again in smaller batches.
 */
export async function refreshDossierIndicators(options: RefreshOptions): Promise<RefreshSummary> {
  const started = performance.now();
  const weeks = [...options.weeks];
  let weeksPerRequest = options.weeksPerRequest ?? Math.floor(DEFAULT_MAX_ALIASES / ALIASES_PER_WEEK);
  const database = await openDatabase(options.database, subgraph);
  const summary: RefreshSummary = { weeks: weeks.length, units: 0, requests: 0, observationsWritten: 0, observationsRemoved: 0, seconds: 0 };
  try {
    await ensureDossierRateIndicators(database.orm.em.fork(), where(options.database));
    let done = 0;
    while (done < weeks.length) {
      const batch = weeks.slice(done, done + weeksPerRequest);
      let data: Parameters<typeof readDossierRates>[0];
      try {
        summary.requests += 1;
        data = await queryGateway(options, dossierRatesQuery(batch.length), dossierRatesVariables(PROVINCE_ID, batch));
      } catch (error) {
        const smaller = smallerBatch(error, weeksPerRequest);
        if (smaller === undefined) throw error;
        weeksPerRequest = smaller;
        continue;
      }
      const rates = readDossierRates(data, PROVINCE_ID, batch);
      summary.units = rates.length / batch.length;
      const counts = await writeObservations(database.orm.em.fork(), rates);
      summary.observationsWritten += counts.written;
      summary.observationsRemoved += counts.removed;
      done += batch.length;
      options.onProgress?.({ weeksDone: done, weeksTotal: weeks.length, observationsWritten: summary.observationsWritten });
    }
  } finally {
    await database.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

export { RefreshError, RefreshErrorCode };
