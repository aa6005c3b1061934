import type { EntityManager } from '@mikro-orm/core';
import { AdministrativeLevel, PROVINCE_ID, StatsScope, vnDateOf } from '../../kit';
import { DossierDailyStats } from '../entities/dossier-daily-stats';
import { DAILY_COUNT_COLUMNS, subtreeKey } from './daily-stats';
import { DossierCounts, EMPTY_COUNTS } from '../types/dossier-stats';
import { query, tableOf, toCount, valuesCte } from './tables';

/**
 * Which dossiers a stats key covers: ALL (the province's subtree), DISTRICT (a district's
 * subtree, by the denormalised receiving_district_id) or UNIT (one receiving unit: a
 * commune's subtree, or any unit's OWN scope).
 */
export type StatsSelector = 'ALL' | 'DISTRICT' | 'UNIT';

/** SUBTREE of the province is every dossier, of a district its receiving_district_id, of a commune its own; OWN is always the unit's own. */
export function selectorFor(unitId: string, level: AdministrativeLevel, scope: StatsScope): StatsSelector {
  if (scope === StatsScope.OWN) return 'UNIT';
  if (unitId === PROVINCE_ID) return 'ALL';
  return level === AdministrativeLevel.DISTRICT ? 'DISTRICT' : 'UNIT';
}

export interface StatsQueryKey {
  selector: StatsSelector;
  unitId: string;
  /** Inclusive lower bound on submitted_at (UTC ISO). */
  fromUtc: string;
  /** Exclusive upper bound on submitted_at (UTC ISO). */
  toUtcExclusive: string;
}

/** The Vietnamese day an instant bound falls on; the open bounds of an unbounded period stay open. */
function dayBound(utc: string): string {
  if (utc.startsWith('0000')) return '0000-01-01';
  if (utc.startsWith('9999')) return '9999-12-31';
  return vnDateOf(new Date(utc));
}

const SUMS = DAILY_COUNT_COLUMNS.split(', ')
  .map((column, i) => `SUM(r.${column}) AS "${Object.keys(EMPTY_COUNTS)[i]}"`)
  .join(', ');

/** The roll-up key a selector reads: a unit's own rows, or a district's or the province's subtree rows. */
function rollupKey(key: StatsQueryKey): string {
  if (key.selector === 'UNIT') return key.unitId;
  return subtreeKey(key.selector === 'ALL' ? PROVINCE_ID : key.unitId);
}

/**
 * The counts of every key of a batch in ONE statement over the daily roll-up (bounds are whole
 * Vietnamese days, so a period is a range of days of one roll-up key, read in primary-key
 * order). A key without dossiers gets zeros.
 */
export async function fetchDossierCounts(em: EntityManager, keys: readonly StatsQueryKey[]): Promise<DossierCounts[]> {
  const cte = valuesCte(
    'k',
    [
      ['k_idx', 'INTEGER'],
      ['k_key', 'VARCHAR(20)'],
      ['k_from', 'VARCHAR(10)'],
      ['k_to', 'VARCHAR(10)'],
    ],
    keys.map((k, i) => [i, rollupKey(k), dayBound(k.fromUtc), dayBound(k.toUtcExclusive)]),
  );
  const rollup = tableOf(em, DossierDailyStats);
  // CROSS JOIN keeps the keys as the outer loop on SQLite, so each key seeks its primary-key range.
  const sql = `WITH ${cte.sql}
    SELECT k.k_idx AS "keyIndex", ${SUMS}
    FROM k CROSS JOIN ${rollup} r
    WHERE r.unit_id = k.k_key AND r.day >= k.k_from AND r.day < k.k_to
    GROUP BY k.k_idx`;
  const counts: DossierCounts[] = keys.map(() => ({ ...EMPTY_COUNTS }));
  for (const row of await query(em, sql, cte.params)) {
    const target = counts[toCount(row.keyIndex)];
    for (const field of Object.keys(EMPTY_COUNTS) as (keyof DossierCounts)[]) target[field] = toCount(row[field]);
  }
  return counts;
}
