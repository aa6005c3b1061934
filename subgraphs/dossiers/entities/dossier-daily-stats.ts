import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Roll-up of the dossier table: the counts DossierStats needs, per receiving unit and
 * Vietnamese day of submission. A period's stats sum at most ~1,000 days × 101 units of it
 * instead of scanning 1.9 million dossiers, so no aggregate holds the embedded SQLite for
 * long. Rebuilt by the seed (sql/daily-stats.ts), which is the only writer of dossiers.
 */
@Entity({ tableName: 'dossier_daily_stats' })
@Index({ name: 'dossier_daily_stats_district_day_idx', properties: ['districtId', 'day'] })
@Index({ name: 'dossier_daily_stats_day_idx', properties: ['day'] })
export class DossierDailyStats {
  @PrimaryKey({ type: 'string', length: 10 })
  unitId!: string;

  /** Vietnamese calendar day of submission, YYYY-MM-DD. */
  @PrimaryKey({ type: 'string', length: 10 })
  day!: string;

  /** District of the unit (null for the province's own dossiers), for district subtrees. */
  @Property({ type: 'string', length: 10, nullable: true })
  districtId!: string | null;

  @Property({ type: 'integer' }) total!: number;
  @Property({ type: 'integer' }) submittedOnline!: number;
  @Property({ type: 'integer' }) completed!: number;
  @Property({ type: 'integer' }) completedOnTime!: number;
  @Property({ type: 'integer' }) withElectronicResult!: number;
  @Property({ type: 'integer' }) digitized!: number;
  @Property({ type: 'integer' }) syncedToNationalPortal!: number;
  @Property({ type: 'integer' }) paying!: number;
  @Property({ type: 'integer' }) paidOnline!: number;
}
