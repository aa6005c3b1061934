import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { qualifiedTable } from '../../kit';
import { Indicator } from '../entities/indicator';
import { ObservationRow } from '../entities/observation-row';
import { buildCatalog } from '../seed/catalog';
import { indicatorRowOf } from '../seed/index';
import { DOSSIER_RATE_INDICATORS } from './dossier-rates';
import { RefreshError, RefreshErrorCode } from './errors';
import type { UnitWeekRates } from './stats-query';

/** Rows per INSERT statement: 8 parameters each, far below SQLite's and PostgreSQL's limits. */
const ROWS_PER_STATEMENT = 250;

export interface WriteCounts {
  /** Observations inserted or replaced. */
  written: number;
  /** Observations removed because their rate is now null (no dossiers to divide). */
  removed: number;
}

/**
 * Makes sure the catalogue holds the derived indicators: a database seeded before they were
 * added to the catalogue gets their entries now (and nothing else changes). An empty database
 * was never seeded, which the job cannot fix.
 */
export async function ensureDossierRateIndicators(em: EntityManager, where: string): Promise<void> {
  if ((await em.count(Indicator, {})) === 0) {
    throw new RefreshError(
      RefreshErrorCode.INDICATORS_NOT_SEEDED,
      `The indicators database (${where}) holds no indicator catalogue: seed it first ("npm start" seeds empty databases, or "npm run seed -- --only indicators").`,
    );
  }
  const codes = DOSSIER_RATE_INDICATORS.map((r) => r.indicatorCode);
  const present = new Set((await em.find(Indicator, { code: { $in: codes } })).map((i) => i.code));
  const missing = buildCatalog().filter((spec) => codes.includes(spec.code) && !present.has(spec.code));
  if (missing.length > 0) await em.insertMany(Indicator, missing.map(indicatorRowOf));
}

/**
 * Writes the observations of one batch in ONE transaction, idempotently: a rate replaces the
 * observation of the same (indicator, unit, period start) or adds one (the unique index
 * decides, ON CONFLICT DO UPDATE); a null rate removes it, so the indicator always mirrors
 * the live dossier statistics. New rows take ids above the table's largest; on PostgreSQL the
 * table is locked against other writers (readers go on) so that two refreshes cannot pick the
 * same ids.
 */
export async function writeObservations(em: EntityManager, batch: readonly UnitWeekRates[]): Promise<WriteCounts> {
  return em.transactional(async (tx) => {
    const connection = tx.getConnection();
    // Raw statements join the transaction only when given its context.
    const run = (sql: string, params: unknown[] = [], method: 'all' | 'run' = 'run') => connection.execute(sql, params as any[], method, tx.getTransactionContext());
    const table = qualifiedTable(tx, ObservationRow);
    // EXCLUSIVE still lets readers read. On SQLite a second writer that read a stale max fails instead.
    if (tx.getPlatform() instanceof PostgreSqlPlatform) await run(`lock table ${table} in exclusive mode`);
    const [{ max_id: maxId }] = await run(`select coalesce(max(id), 0) as max_id from ${table}`, [], 'all');
    let nextId = Number(maxId) + 1;

    const rows: unknown[][] = [];
    const removals: unknown[][] = [];
    for (const { unitId, parentUnitId, week, rates } of batch) {
      for (const { indicatorCode, field } of DOSSIER_RATE_INDICATORS) {
        const value = rates[field];
        if (value === null) removals.push([indicatorCode, unitId, week.periodStart]);
        else rows.push([nextId++, indicatorCode, unitId, parentUnitId, week.period, week.periodStart, week.periodEnd, value]);
      }
    }

    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      await run(
        `insert into ${table} (id, indicator_code, unit_id, parent_unit_id, period, period_start, period_end, value)
         values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         on conflict (indicator_code, unit_id, period_start)
         do update set value = excluded.value, period = excluded.period, period_end = excluded.period_end, parent_unit_id = excluded.parent_unit_id`,
        chunk.flat(),
      );
    }
    let removed = 0;
    for (let i = 0; i < removals.length; i += ROWS_PER_STATEMENT) {
      const chunk = removals.slice(i, i + ROWS_PER_STATEMENT);
      const result = await run(`delete from ${table} where ${chunk.map(() => '(indicator_code = ? and unit_id = ? and period_start = ?)').join(' or ')}`, chunk.flat());
      removed += Number((result as { affectedRows?: number }).affectedRows ?? 0);
    }
    return { written: rows.length, removed };
  });
}
