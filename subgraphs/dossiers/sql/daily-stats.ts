import type { EntityManager } from '@mikro-orm/core';
import { Dossier } from '../entities/dossier';
import { DossierDailyStats } from '../entities/dossier-daily-stats';
import { isPostgres, PROVINCE_ID } from '../../kit';
import { tableOf } from './tables';

/** The counts of DossierStats over rows of the dossier table `d` (see types/dossier-stats.ts for their meaning). */
export const DOSSIER_COUNT_EXPRESSIONS = `COUNT(*),
  SUM(CASE WHEN d.channel = 'ONLINE' THEN 1 ELSE 0 END),
  SUM(CASE WHEN d.status = 'COMPLETED' THEN 1 ELSE 0 END),
  SUM(CASE WHEN d.status = 'COMPLETED' AND d.completed_at <= d.due_at THEN 1 ELSE 0 END),
  SUM(CASE WHEN d.status = 'COMPLETED' AND d.electronic_result THEN 1 ELSE 0 END),
  SUM(CASE WHEN d.digitized THEN 1 ELSE 0 END),
  SUM(CASE WHEN d.synced_to_national_portal THEN 1 ELSE 0 END),
  SUM(CASE WHEN d.payment_method <> 'NONE' THEN 1 ELSE 0 END),
  SUM(CASE WHEN d.payment_method = 'ONLINE' THEN 1 ELSE 0 END)`;

export const DAILY_COUNT_COLUMNS = 'total, submitted_online, completed, completed_on_time, with_electronic_result, digitized, synced_to_national_portal, paying, paid_online';

/** Vietnamese calendar day (UTC+7, no daylight saving) of the UTC ISO instant in `d.submitted_at`. */
function vnDayOfSubmission(postgres: boolean): string {
  return postgres ? `to_char(d.submitted_at::timestamptz at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD')` : `date(d.submitted_at, '+7 hours')`;
}

/** The roll-up key of a district's or the province's subtree. */
export function subtreeKey(unitId: string): string {
  return `subtree:${unitId}`;
}

const SUM_COLUMNS = DAILY_COUNT_COLUMNS.split(', ').map((c) => `SUM(${c})`).join(', ');

/** Subtree rows (districts, then the province) summed from the units' own rows. */
export function subtreeRowsSql(rollup: string): string[] {
  return [
    `insert into ${rollup} (unit_id, day, district_id, ${DAILY_COUNT_COLUMNS}) select 'subtree:' || district_id, day, null, ${SUM_COLUMNS} from ${rollup} where district_id is not null and unit_id not like 'subtree:%' group by district_id, day`,
    `insert into ${rollup} (unit_id, day, district_id, ${DAILY_COUNT_COLUMNS}) select 'subtree:${PROVINCE_ID}', day, null, ${SUM_COLUMNS} from ${rollup} where unit_id not like 'subtree:%' group by day`,
  ];
}

/** Recomputes the roll-up from the dossier table (inside the caller's transaction): units' own rows by GROUP BY, then the subtrees from them. */
export async function rebuildDailyStats(em: EntityManager): Promise<void> {
  const postgres = isPostgres(em);
  const rollup = tableOf(em, DossierDailyStats);
  const connection = em.getConnection();
  const ctx = em.getTransactionContext();
  await connection.execute(`delete from ${rollup}`, [], 'run', ctx);
  await connection.execute(
    `insert into ${rollup} (unit_id, day, district_id, ${DAILY_COUNT_COLUMNS})
     select d.receiving_unit_id, ${vnDayOfSubmission(postgres)} as day, max(d.receiving_district_id), ${DOSSIER_COUNT_EXPRESSIONS}
     from ${tableOf(em, Dossier)} d
     group by d.receiving_unit_id, ${vnDayOfSubmission(postgres)}`,
    [],
    'run',
    ctx,
  );
  for (const sql of subtreeRowsSql(rollup)) await connection.execute(sql, [], 'run', ctx);
}
