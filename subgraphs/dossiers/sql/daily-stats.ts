import type { EntityManager } from '@mikro-orm/core';
import { Dossier } from '../entities/dossier';
import { DossierDailyStats } from '../entities/dossier-daily-stats';
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

/** Recomputes the roll-up from the dossier table in one INSERT … SELECT … GROUP BY (inside the caller's transaction). */
export async function rebuildDailyStats(em: EntityManager): Promise<void> {
  const postgres = em.getPlatform().constructor.name.toLowerCase().includes('postgre');
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
}
