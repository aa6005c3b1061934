import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Roll-up of the dossier table: the counts DossierStats needs, per Vietnamese day of
 * submission and key: a receiving unit's own dossiers (`unitId` = its id), or a district's or
 * the province's whole subtree (`unitId` = "subtree:<id>"). Any unit's stats for any period sum
 * at most ~1,000 rows of one key, read in primary-key order, instead of scanning up to 1.9
 * million dossiers, so no aggregate holds the embedded SQLite for long. Rebuilt by the seed
 * (sql/daily-stats.ts), which is the only writer of dossiers.
 */
@Entity({ tableName: 'dossier_daily_stats' })
export class DossierDailyStats {
  /** A unit id (its own dossiers), or "subtree:<district or province id>". */
  @PrimaryKey({ type: 'string', length: 20 })
  unitId!: string;

  /** Vietnamese calendar day of submission, YYYY-MM-DD. */
  @PrimaryKey({ type: 'string', length: 10 })
  day!: string;

  /** District of the unit (null for the province's own dossiers and for subtree rows). */
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
