import type { EntityManager } from '@mikro-orm/core';
import { AdministrativeLevel, PROVINCE_ID, StatsScope, vnDateOf } from '../../kit';
import { DossierDailyStats } from '../entities/dossier-daily-stats';
import { DAILY_COUNT_COLUMNS } from './daily-stats';
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

/**
 * The counts of every key of a batch in ONE statement over the daily roll-up (bounds are whole
 * Vietnamese days, so a period is a range of days). Each selector present in the batch is its
 * own branch of a UNION ALL so that each uses its index: (unit_id, day) for UNIT,
 * (district_id, day) for DISTRICT, (day) for ALL. A key without dossiers gets zeros.
 */
export async function fetchDossierCounts(em: EntityManager, keys: readonly StatsQueryKey[]): Promise<DossierCounts[]> {
  const cte = valuesCte(
    'k',
    [
      ['k_idx', 'INTEGER'],
      ['k_selector', 'VARCHAR(10)'],
      ['k_unit', 'VARCHAR(10)'],
      ['k_from', 'VARCHAR(10)'],
      ['k_to', 'VARCHAR(10)'],
    ],
    keys.map((k, i) => [i, k.selector, k.unitId, dayBound(k.fromUtc), dayBound(k.toUtcExclusive)]),
  );
  const rollup = tableOf(em, DossierDailyStats);
  const period = 'r.day >= k.k_from AND r.day < k.k_to';
  // CROSS JOIN keeps the keys as the outer loop on SQLite, so each key seeks its index range.
  const branches: Record<StatsSelector, string> = {
    UNIT: `SELECT k.k_idx, r.* FROM k CROSS JOIN ${rollup} r WHERE k.k_selector = 'UNIT' AND r.unit_id = k.k_unit AND ${period}`,
    DISTRICT: `SELECT k.k_idx, r.* FROM k CROSS JOIN ${rollup} r WHERE k.k_selector = 'DISTRICT' AND r.district_id = k.k_unit AND ${period}`,
    ALL: `SELECT k.k_idx, r.* FROM k CROSS JOIN ${rollup} r WHERE k.k_selector = 'ALL' AND ${period}`,
  };
  const present = [...new Set(keys.map((k) => k.selector))].sort();
  const sql = `WITH ${cte.sql}
    SELECT r.k_idx AS "keyIndex", ${SUMS}
    FROM (${present.map((selector) => branches[selector]).join(' UNION ALL ')}) r
    GROUP BY r.k_idx`;
  const counts: DossierCounts[] = keys.map(() => ({ ...EMPTY_COUNTS }));
  for (const row of await query(em, sql, cte.params)) {
    const target = counts[toCount(row.keyIndex)];
    for (const field of Object.keys(EMPTY_COUNTS) as (keyof DossierCounts)[]) target[field] = toCount(row[field]);
  }
  return counts;
}
