import type { EntityManager } from '@mikro-orm/core';
import { Dossier } from '../entities/dossier';
import { ApplicantType, DossierStatus } from '../enums';
import { dossierFromRow, dossierSelectList } from './dossier-rows';
import { query, tableOf, toCount, valuesCte } from './tables';

/** One parent's page request: the first `first` dossiers after `afterKey` (by code), optionally of one status. */
export interface ApplicantPageKey {
  applicantType: ApplicantType;
  applicantId: string;
  status: DossierStatus | null;
  first: number;
  afterKey: string | null;
}

export interface ApplicantCountKey {
  applicantType: ApplicantType;
  applicantId: string;
  status: DossierStatus | null;
}

const KEY_COLUMNS = [
  ['k_idx', 'INTEGER'],
  ['k_type', 'VARCHAR(10)'],
  ['k_id', 'VARCHAR(20)'],
  ['k_status', 'VARCHAR(24)'],
] as const;

/**
 * Top-N per parent in ONE statement for a whole batch: the keys are a VALUES list joined to
 * the dossiers (index applicant_type, applicant_id, code), ROW_NUMBER() numbers each
 * key's dossiers by code after its cursor, and rows up to first + 1 are kept (the extra
 * row says whether a next page exists). Partitioning by the key rather than by
 * applicant_id lets keys with different status/first/after share the statement.
 */
export async function fetchApplicantPages(em: EntityManager, keys: readonly ApplicantPageKey[]): Promise<Dossier[][]> {
  const cte = valuesCte('k', [...KEY_COLUMNS, ['k_after', 'VARCHAR(40)'], ['k_limit', 'INTEGER']], keys.map((k, i) => [i, k.applicantType, k.applicantId, k.status, k.afterKey, k.first + 1]));
  const sql = `WITH ${cte.sql}
    SELECT p.* FROM (
      SELECT k.k_idx AS "keyIndex", k.k_limit AS "rowLimit", ${dossierSelectList('d')},
             ROW_NUMBER() OVER (PARTITION BY k.k_idx ORDER BY d.code) AS rn
      FROM k JOIN ${tableOf(em, Dossier)} d
        ON d.applicant_type = k.k_type AND d.applicant_id = k.k_id
       AND (k.k_status IS NULL OR d.status = k.k_status)
       AND (k.k_after IS NULL OR d.code > k.k_after)
    ) p
    WHERE p.rn <= p."rowLimit"
    ORDER BY p."keyIndex", p.code`;
  const rows = await query(em, sql, cte.params);
  const pages: Dossier[][] = keys.map(() => []);
  for (const row of rows) pages[toCount(row.keyIndex)].push(dossierFromRow(row));
  return pages;
}

/** totalCount per parent: one GROUP BY over the batch's keys (0 for a parent without dossiers). */
export async function countApplicantDossiers(em: EntityManager, keys: readonly ApplicantCountKey[]): Promise<number[]> {
  const cte = valuesCte('k', KEY_COLUMNS, keys.map((k, i) => [i, k.applicantType, k.applicantId, k.status]));
  const sql = `WITH ${cte.sql}
    SELECT k.k_idx AS "keyIndex", COUNT(*) AS "total"
    FROM k JOIN ${tableOf(em, Dossier)} d
      ON d.applicant_type = k.k_type AND d.applicant_id = k.k_id
     AND (k.k_status IS NULL OR d.status = k.k_status)
    GROUP BY k.k_idx`;
  const counts = keys.map(() => 0);
  for (const row of await query(em, sql, cte.params)) counts[toCount(row.keyIndex)] = toCount(row.total);
  return counts;
}
