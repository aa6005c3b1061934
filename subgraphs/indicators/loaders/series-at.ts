import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { bucketSql, Granularity } from '../domain/granularity';
import { parsePeriod } from '../domain/periods';
import { ObservationSource } from '../entities/enums';
import { Indicator } from '../entities/indicator';
import { ObservationRow } from '../entities/observation-row';
import { RollupWeight } from '../entities/rollup-weight';
import type { Observation } from '../types/observation';
import { OPEN_FROM, OPEN_TO, seriesParams, seriesSql } from './series';
import { pairKey, qualifiedTable, query } from './sql';

export interface SeriesAtKey {
  indicatorCode: string;
  unitId: string;
  granularity: Granularity;
  /** Inclusive bounds on the period end date; null for open. */
  from: string | null;
  to: string | null;
}

interface BucketRow {
  indicator_code: string;
  unit_id: string;
  period: string;
  source: string;
  value: number | string | null;
  contributing_units: number | string;
}

function groupKey(k: SeriesAtKey): string {
  return `${k.granularity}\u0001${k.from ?? OPEN_FROM}\u0001${k.to ?? OPEN_TO}`;
}

/**
 * The series of (indicator, unit) pairs bucketed at a granularity, in ONE statement per
 * distinct (granularity, window) of the batch, whatever the number of units: the per-period
 * series (own observations, else rolled up from the children period by period; see
 * series.ts) is grouped by bucket and aggregated over time by the indicator's rule —
 * SUM: sum; AVERAGE and WEIGHTED_AVERAGE: mean of the periods' values (each period's value
 * already weighted across units); LAST: the value of the bucket's latest period.
 */
export function seriesAtLoader(em: EntityManager): DataLoader<SeriesAtKey, Observation[], string> {
  const obs = qualifiedTable(em, ObservationRow);
  const ind = qualifiedTable(em, Indicator);
  const weight = qualifiedTable(em, RollupWeight);

  async function loadGroup(keys: readonly SeriesAtKey[]): Promise<Map<string, Observation[]>> {
    const { granularity } = keys[0];
    const codes = [...new Set(keys.map((k) => k.indicatorCode))];
    const units = [...new Set(keys.map((k) => k.unitId))];
    const sql = `
with s as (${seriesSql(obs, ind, weight, codes.length, units.length)}
),
b as (
  select s.indicator_code, s.unit_id, s.source, s.period_start, s.value, s.contributing_units, ${bucketSql(granularity)} as bucket
  from s
),
r as (
  select b.indicator_code, b.unit_id, b.source, b.value, b.contributing_units, b.bucket,
    row_number() over (partition by b.indicator_code, b.unit_id, b.bucket order by b.period_start desc) as rn
  from b
)
select r.indicator_code, r.unit_id, r.bucket as period, max(r.source) as source,
  case i.aggregation
    when 'SUM' then sum(r.value)
    when 'LAST' then max(case when r.rn = 1 then r.value end)
    else avg(r.value)
  end as value,
  max(r.contributing_units) as contributing_units
from r
join ${ind} i on i.code = r.indicator_code
group by r.indicator_code, r.unit_id, r.bucket, i.aggregation`;
    const rows = await query<BucketRow>(em, sql, seriesParams(codes, units, keys[0].from ?? OPEN_FROM, keys[0].to ?? OPEN_TO));
    const byPair = new Map<string, Observation[]>();
    for (const row of rows) {
      const bounds = parsePeriod(row.period);
      if (row.value === null || row.value === undefined || !bounds) continue;
      const observation: Observation = {
        indicatorCode: row.indicator_code,
        unitId: row.unit_id,
        period: row.period,
        periodStart: bounds.periodStart,
        periodEnd: bounds.periodEnd,
        value: Number(row.value),
        source: row.source === ObservationSource.ROLLED_UP ? ObservationSource.ROLLED_UP : ObservationSource.REPORTED,
        contributingUnits: Number(row.contributing_units),
      };
      const key = pairKey(observation.indicatorCode, observation.unitId);
      byPair.set(key, [...(byPair.get(key) ?? []), observation]);
    }
    for (const list of byPair.values()) list.sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    return byPair;
  }

  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, SeriesAtKey[]>();
      for (const k of keys) groups.set(groupKey(k), [...(groups.get(groupKey(k)) ?? []), k]);
      const results = new Map<string, Map<string, Observation[]>>();
      await Promise.all([...groups].map(async ([group, members]) => results.set(group, await loadGroup(members))));
      return keys.map((k) => results.get(groupKey(k))!.get(pairKey(k.indicatorCode, k.unitId)) ?? []);
    },
    { cacheKeyFn: (k) => `${pairKey(k.indicatorCode, k.unitId)}\u0001${groupKey(k)}` },
  );
}
