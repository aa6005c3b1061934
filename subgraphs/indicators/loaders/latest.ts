import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Indicator } from '../entities/indicator';
import { ObservationRow } from '../entities/observation-row';
import { RollupWeight } from '../entities/rollup-weight';
import type { Observation } from '../types/observation';
import { ObservationSqlRow, pairKey, placeholders, qualifiedTable, query, ROLLUP_VALUE_SQL, toObservation } from './sql';

export interface IndicatorUnit {
  indicatorCode: string;
  unitId: string;
}

/**
 * Latest observation per (indicator, unit), in ONE statement per batch: the unit's own
 * latest period (max-period join), or, for pairs where the unit has no observation of its
 * own, its children's latest period rolled up in a GROUP BY. `rollup_weight` has a row for
 * every administrative unit, so it also serves as the unit list of the cross product. The batch asks for the cross
 * product of its codes and units (few extra pairs, and a parameter count that grows with
 * codes + units rather than codes × units); unrequested pairs are dropped.
 */
export function latestLoader(em: EntityManager): DataLoader<IndicatorUnit, Observation | null, string> {
  const obs = qualifiedTable(em, ObservationRow);
  const ind = qualifiedTable(em, Indicator);
  const weight = qualifiedTable(em, RollupWeight);
  return new DataLoader(
    async (keys) => {
      const codes = [...new Set(keys.map((k) => k.indicatorCode))];
      const units = [...new Set(keys.map((k) => k.unitId))];
      const inCodes = placeholders(codes.length);
      const inUnits = placeholders(units.length);
      // own_last: the unit's own latest period per pair (covering-index GROUP BY).
      // rollup_pairs: pairs the unit reports nothing for (rollup_weight lists every unit).
      // child_last: the children's latest period, one index seek per pair.
      const sql = `
with own_last as (
  select indicator_code, unit_id, max(period_start) as period_start
  from ${obs}
  where indicator_code in (${inCodes}) and unit_id in (${inUnits})
  group by indicator_code, unit_id
),
rollup_pairs as (
  select i.code as indicator_code, u.unit_id
  from ${ind} i cross join ${weight} u
  where i.code in (${inCodes}) and u.unit_id in (${inUnits}) and i.aggregation <> 'LAST'
    and not exists (select 1 from ${obs} x where x.indicator_code = i.code and x.unit_id = u.unit_id)
),
child_last as (
  select p.indicator_code, p.unit_id,
    (select max(m.period_start) from ${obs} m where m.indicator_code = p.indicator_code and m.parent_unit_id = p.unit_id) as period_start
  from rollup_pairs p
)
select 'REPORTED' as source, o.indicator_code, o.unit_id, o.period, o.period_start, o.period_end, o.value, 1 as contributing_units
from own_last l
join ${obs} o on o.indicator_code = l.indicator_code and o.unit_id = l.unit_id and o.period_start = l.period_start
union all
select 'ROLLED_UP' as source, c.indicator_code, c.parent_unit_id as unit_id, c.period, c.period_start, c.period_end,
    ${ROLLUP_VALUE_SQL} as value,
    count(*) as contributing_units
from child_last cl
join ${obs} c on c.indicator_code = cl.indicator_code and c.parent_unit_id = cl.unit_id and c.period_start = cl.period_start
join ${ind} i on i.code = c.indicator_code
left join ${weight} w on w.unit_id = c.unit_id
group by c.indicator_code, c.parent_unit_id, c.period, c.period_start, c.period_end, i.aggregation`;
      const rows = await query<ObservationSqlRow>(em, sql, [...codes, ...units, ...codes, ...units]);
      const byPair = new Map<string, Observation>();
      for (const row of rows) {
        const observation = toObservation(row);
        if (observation) byPair.set(pairKey(observation.indicatorCode, observation.unitId), observation);
      }
      return keys.map((k) => byPair.get(pairKey(k.indicatorCode, k.unitId)) ?? null);
    },
    { cacheKeyFn: (k) => pairKey(k.indicatorCode, k.unitId) },
  );
}
