import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Indicator } from '../entities/indicator';
import { ObservationRow } from '../entities/observation-row';
import { RollupWeight } from '../entities/rollup-weight';
import type { Observation } from '../types/observation';
import { ObservationSqlRow, pairKey, placeholders, qualifiedTable, query, ROLLUP_VALUE_SQL, toObservation } from './sql';

export interface SeriesKey {
  indicatorCode: string;
  unitId: string;
  /** Inclusive bounds on the period end date; null for open. */
  from: string | null;
  to: string | null;
}

export const OPEN_FROM = '0000-01-01';
export const OPEN_TO = '9999-12-31';

function windowKey(k: SeriesKey): string {
  return `${k.from ?? OPEN_FROM}\u0001${k.to ?? OPEN_TO}`;
}

/**
 * The per-period series of (indicator, unit) pairs: own observations, or one value per period
 * rolled up from the children when the unit has none of its own. Parameters: seriesParams.
 */
export function seriesSql(obs: string, ind: string, weight: string, codeCount: number, unitCount: number): string {
  const inCodes = placeholders(codeCount);
  const inUnits = placeholders(unitCount);
  return `
select 'REPORTED' as source, o.indicator_code, o.unit_id, o.period, o.period_start, o.period_end, o.value, 1 as contributing_units
from ${obs} o
where o.indicator_code in (${inCodes}) and o.unit_id in (${inUnits}) and o.period_end >= ? and o.period_end <= ?
union all
select 'ROLLED_UP' as source, c.indicator_code, c.parent_unit_id as unit_id, c.period, c.period_start, c.period_end,
    ${ROLLUP_VALUE_SQL} as value,
    count(*) as contributing_units
from ${obs} c
join ${ind} i on i.code = c.indicator_code and i.aggregation <> 'LAST'
left join ${weight} w on w.unit_id = c.unit_id
where c.indicator_code in (${inCodes}) and c.parent_unit_id in (${inUnits}) and c.period_end >= ? and c.period_end <= ?
  and not exists (select 1 from ${obs} x where x.indicator_code = c.indicator_code and x.unit_id = c.parent_unit_id)
group by c.indicator_code, c.parent_unit_id, c.period, c.period_start, c.period_end, i.aggregation`;
}

export function seriesParams(codes: string[], units: string[], from: string, to: string): unknown[] {
  return [...codes, ...units, from, to, ...codes, ...units, from, to];
}

/**
 * Observations per (indicator, unit) whose period ends within [from, to], in time order:
 * the unit's own, or, when it has none of its own at all, one rolled-up value per period of
 * its children. One statement per distinct window in the batch (usually one: sibling
 * fields share their arguments), whatever the number of parents.
 */
export function seriesLoader(em: EntityManager): DataLoader<SeriesKey, Observation[], string> {
  const obs = qualifiedTable(em, ObservationRow);
  const ind = qualifiedTable(em, Indicator);
  const weight = qualifiedTable(em, RollupWeight);

  async function loadWindow(keys: readonly SeriesKey[], from: string, to: string): Promise<Map<string, Observation[]>> {
    const codes = [...new Set(keys.map((k) => k.indicatorCode))];
    const units = [...new Set(keys.map((k) => k.unitId))];
    const sql = seriesSql(obs, ind, weight, codes.length, units.length);
    const rows = await query<ObservationSqlRow>(em, sql, seriesParams(codes, units, from, to));
    const byPair = new Map<string, Observation[]>();
    for (const row of rows) {
      const observation = toObservation(row);
      if (!observation) continue;
      const key = pairKey(observation.indicatorCode, observation.unitId);
      const list = byPair.get(key);
      if (list) list.push(observation);
      else byPair.set(key, [observation]);
    }
    for (const list of byPair.values()) list.sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    return byPair;
  }

  return new DataLoader(
    async (keys) => {
      const windows = new Map<string, SeriesKey[]>();
      for (const k of keys) windows.set(windowKey(k), [...(windows.get(windowKey(k)) ?? []), k]);
      const results = new Map<string, Map<string, Observation[]>>();
      await Promise.all(
        [...windows].map(async ([window, group]) => {
          results.set(window, await loadWindow(group, group[0].from ?? OPEN_FROM, group[0].to ?? OPEN_TO));
        }),
      );
      return keys.map((k) => results.get(windowKey(k))!.get(pairKey(k.indicatorCode, k.unitId)) ?? []);
    },
    { cacheKeyFn: (k) => `${pairKey(k.indicatorCode, k.unitId)}\u0001${windowKey(k)}` },
  );
}
