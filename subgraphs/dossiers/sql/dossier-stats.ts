import type { EntityManager } from '@mikro-orm/core';
import { Dossier } from '../entities/dossier';
import { DossierCounts, EMPTY_COUNTS } from '../types/dossier-stats';
import { query, tableOf, toCount, valuesCte } from './tables';

/**
 * Which dossiers a stats key covers: ALL (the province's subtree), DISTRICT (a district's
 * subtree, by the denormalised receiving_district_id) or UNIT (one receiving unit: a
 * commune's subtree, or any unit's OWN scope).
 */
export type StatsSelector = 'ALL' | 'DISTRICT' | 'UNIT';

export interface StatsQueryKey {
  selector: StatsSelector;
  unitId: string;
  /** Inclusive lower bound on submitted_at (UTC ISO). */
  fromUtc: string;
  /** Exclusive upper bound on submitted_at (UTC ISO). */
  toUtcExclusive: string;
}

const COUNT_COLUMNS = `COUNT(*) AS "total",
  SUM(CASE WHEN m.channel = 'ONLINE' THEN 1 ELSE 0 END) AS "submittedOnline",
  SUM(CASE WHEN m.status = 'COMPLETED' THEN 1 ELSE 0 END) AS "completed",
  SUM(CASE WHEN m.status = 'COMPLETED' AND m.completed_at <= m.due_at THEN 1 ELSE 0 END) AS "completedOnTime",
  SUM(CASE WHEN m.status = 'COMPLETED' AND m.electronic_result THEN 1 ELSE 0 END) AS "withElectronicResult",
  SUM(CASE WHEN m.digitized THEN 1 ELSE 0 END) AS "digitized",
  SUM(CASE WHEN m.synced_to_national_portal THEN 1 ELSE 0 END) AS "syncedToNationalPortal",
  SUM(CASE WHEN m.payment_method <> 'NONE' THEN 1 ELSE 0 END) AS "paying",
  SUM(CASE WHEN m.payment_method = 'ONLINE' THEN 1 ELSE 0 END) AS "paidOnline"`;

const MEASURES = 'd.channel, d.status, d.completed_at, d.due_at, d.electronic_result, d.digitized, d.synced_to_national_portal, d.payment_method';

/**
 * The counts of every key of a batch in ONE GROUP BY statement. Each selector in the batch is
 * its own branch of a UNION ALL so that each can use its index ((receiving_unit_id,
 * submitted_at, …), (receiving_district_id, submitted_at, …), submitted_at); a key without
 * dossiers gets zeros.
 */
export async function fetchDossierCounts(em: EntityManager, keys: readonly StatsQueryKey[]): Promise<DossierCounts[]> {
  const cte = valuesCte(
    'k',
    [
      ['k_idx', 'INTEGER'],
      ['k_selector', 'VARCHAR(10)'],
      ['k_unit', 'VARCHAR(10)'],
      ['k_from', 'VARCHAR(24)'],
      ['k_to', 'VARCHAR(24)'],
    ],
    keys.map((k, i) => [i, k.selector, k.unitId, k.fromUtc, k.toUtcExclusive]),
  );
  const dossier = tableOf(em, Dossier);
  const period = 'd.submitted_at >= k.k_from AND d.submitted_at < k.k_to';
  // CROSS JOIN keeps the keys as the outer loop on SQLite, so each key seeks its index range.
  const branches: Record<StatsSelector, string> = {
    UNIT: `SELECT k.k_idx, ${MEASURES} FROM k CROSS JOIN ${dossier} d WHERE k.k_selector = 'UNIT' AND d.receiving_unit_id = k.k_unit AND ${period}`,
    DISTRICT: `SELECT k.k_idx, ${MEASURES} FROM k CROSS JOIN ${dossier} d WHERE k.k_selector = 'DISTRICT' AND d.receiving_district_id = k.k_unit AND ${period}`,
    ALL: `SELECT k.k_idx, ${MEASURES} FROM k CROSS JOIN ${dossier} d WHERE k.k_selector = 'ALL' AND ${period}`,
  };
  const present = [...new Set(keys.map((k) => k.selector))].sort();
  const sql = `WITH ${cte.sql}
    SELECT m.k_idx AS "keyIndex", ${COUNT_COLUMNS}
    FROM (${present.map((selector) => branches[selector]).join(' UNION ALL ')}) m
    GROUP BY m.k_idx`;
  const counts: DossierCounts[] = keys.map(() => ({ ...EMPTY_COUNTS }));
  for (const row of await query(em, sql, cte.params)) {
    const target = counts[toCount(row.keyIndex)];
    for (const field of Object.keys(EMPTY_COUNTS) as (keyof DossierCounts)[]) target[field] = toCount(row[field]);
  }
  return counts;
}
