import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { AdministrativeLevel, PROVINCE_ID, StatsScope, unitById } from '../../kit';
import { Business } from '../entities/business';
import { BusinessStatus } from '../entities/enums';
import { BusinessStats, emptyStats } from '../types/business-stats';
import { qualifiedTable } from '../../kit/sql';

/** Loader key of one unit's stats: `<unitId>|<scope>`. */
export function statsKey(unitId: string, scope: StatsScope): string {
  return `${unitId}|${scope}`;
}

type Kind = 'P' | 'D' | 'C';

interface CountRow {
  kind: Kind;
  unit_id: string;
  section: string;
  total: number | string;
  active: number | string | null;
  digital_technology: number | string | null;
  using_digital_platform: number | string | null;
  using_e_invoice: number | string | null;
}

// Booleans are 0/1 integers on SQLite and booleans on PostgreSQL; `case when col` reads both.
const MEASURES = [
  'count(*) as total',
  `sum(case when status = '${BusinessStatus.ACTIVE}' then 1 else 0 end) as active`,
  'sum(case when digital_technology then 1 else 0 end) as digital_technology',
  'sum(case when uses_digital_platform then 1 else 0 end) as using_digital_platform',
  'sum(case when uses_e_invoice then 1 else 0 end) as using_e_invoice',
];

/**
 * One statement for a whole batch: a GROUP BY (unit, section) per level that is asked for
 * (province: all rows, district: `district_id`, commune: `commune_id`), joined by UNION ALL.
 * The per-unit totals are the sums of its ≤ 21 section rows.
 */
async function countBySection(em: EntityManager, province: boolean, districtIds: string[], communeIds: string[]): Promise<CountRow[]> {
  const knex = (em.getConnection() as AbstractSqlConnection).getKnex();
  const table = qualifiedTable(em, Business);
  const part = (kind: Kind, unitColumn: string | null, ids: string[]) => {
    const query = knex
      .from(table)
      .select(
        knex.raw(`'${kind}' as kind`),
        knex.raw(unitColumn ? `${unitColumn} as unit_id` : `'${PROVINCE_ID}' as unit_id`),
        knex.raw('industry_section as section'),
        ...MEASURES.map((m) => knex.raw(m)),
      );
    return unitColumn ? query.whereIn(unitColumn, ids).groupBy(unitColumn, 'industry_section') : query.groupBy('industry_section');
  };
  const parts = [
    ...(province ? [part('P', null, [])] : []),
    ...(districtIds.length ? [part('D', 'district_id', districtIds)] : []),
    ...(communeIds.length ? [part('C', 'commune_id', communeIds)] : []),
  ];
  if (!parts.length) return [];
  // Joined by hand: knex would move the first member's GROUP BY to the end of the UNION, and
  // SQLite rejects parenthesised members.
  const members = parts.map((p) => p.toSQL());
  const union = knex.raw(members.map((m) => m.sql).join(' union all '), members.flatMap((m) => [...m.bindings]));
  const result = await union;
  // knex.raw answers rows on SQLite and a pg result object on PostgreSQL.
  return (Array.isArray(result) ? result : result.rows) as CountRow[];
}

function toStats(rows: CountRow[]): BusinessStats {
  const stats = emptyStats();
  for (const row of rows) {
    const total = Number(row.total);
    stats.total += total;
    stats.active += Number(row.active ?? 0);
    stats.digitalTechnology += Number(row.digital_technology ?? 0);
    stats.usingDigitalPlatform += Number(row.using_digital_platform ?? 0);
    stats.usingEInvoice += Number(row.using_e_invoice ?? 0);
    if (total > 0) stats.bySection.push({ key: row.section, count: total });
  }
  stats.bySection.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  stats.eInvoiceRate = stats.total === 0 ? null : stats.usingEInvoice / stats.total;
  return stats;
}

/**
 * Batch function of the stats loader: stats per `<unitId>|<scope>` key, null for an unknown
 * unit. Businesses are placed at communes, so OWN of the province or a district is all zeros
 * (no SQL) and OWN of a commune equals its SUBTREE.
 */
export async function loadBusinessStats(em: EntityManager, keys: readonly string[]): Promise<(BusinessStats | null)[]> {
  const targets = keys.map((key) => {
    const separator = key.lastIndexOf('|');
    const unit = unitById(key.slice(0, separator));
    const scope = key.slice(separator + 1) as StatsScope;
    if (!unit) return null;
    if (scope === StatsScope.OWN && unit.level !== AdministrativeLevel.COMMUNE) return 'zero' as const;
    const kind: Kind = unit.level === AdministrativeLevel.PROVINCE ? 'P' : unit.level === AdministrativeLevel.DISTRICT ? 'D' : 'C';
    return { kind, unitId: unit.id };
  });
  const wanted = targets.filter((t): t is { kind: Kind; unitId: string } => t !== null && t !== 'zero');
  const idsOf = (kind: Kind) => [...new Set(wanted.filter((t) => t.kind === kind).map((t) => t.unitId))];
  const rows = wanted.length ? await countBySection(em, wanted.some((t) => t.kind === 'P'), idsOf('D'), idsOf('C')) : [];

  const rowsByUnit = new Map<string, CountRow[]>();
  for (const row of rows) {
    const key = `${row.kind}:${row.unit_id}`;
    rowsByUnit.set(key, [...(rowsByUnit.get(key) ?? []), row]);
  }
  return targets.map((t) => {
    if (t === null) return null;
    if (t === 'zero') return emptyStats();
    return toStats(rowsByUnit.get(`${t.kind}:${t.unitId}`) ?? []);
  });
}
