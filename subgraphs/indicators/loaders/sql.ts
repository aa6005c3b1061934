import type { EntityManager } from '@mikro-orm/core';
export { qualifiedTable } from '../../kit/sql';
import { ObservationSource } from '../entities/enums';
import type { Observation } from '../types/observation';

/** `?, ?, ?` for an IN list of n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

export async function query<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return (await em.getConnection().execute(sql, params as any[], 'all')) as T[];
}

/** The roll-up of child values `c.value` (weights `w.weight`) by the indicator's rule `i.aggregation`. */
export const ROLLUP_VALUE_SQL = `case i.aggregation
      when 'SUM' then sum(c.value)
      when 'AVERAGE' then avg(c.value)
      when 'WEIGHTED_AVERAGE' then sum(c.value * w.weight) / nullif(sum(w.weight), 0)
    end`;

export interface ObservationSqlRow {
  source: string;
  indicator_code: string;
  unit_id: string;
  period: string;
  period_start: string;
  period_end: string;
  value: number | string | null;
  contributing_units: number | string;
}

/** Maps a row of the observation queries (PostgreSQL returns counts as strings); null when it has no value. */
export function toObservation(row: ObservationSqlRow): Observation | null {
  if (row.value === null || row.value === undefined) return null;
  return {
    indicatorCode: row.indicator_code,
    unitId: row.unit_id,
    period: row.period,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    value: Number(row.value),
    source: row.source === ObservationSource.ROLLED_UP ? ObservationSource.ROLLED_UP : ObservationSource.REPORTED,
    contributingUnits: Number(row.contributing_units),
  };
}

export function pairKey(indicatorCode: string, unitId: string): string {
  return `${indicatorCode}\u0001${unitId}`;
}
