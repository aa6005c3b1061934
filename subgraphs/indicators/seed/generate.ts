import { AdministrativeLevel, DISTRICT_POPULATION_SHARES, PROVINCE_ID, Random, REFERENCE_DATE, unitById, unitsAtLevel } from '../../kit';
import { parsePeriod, Period, periodsBetween } from '../domain/periods';
import { AggregationRule, Frequency } from '../entities/enums';
import type { DesignedSeries, IndicatorSpec } from './spec';

/** The series run from January 2022 to the reference date (whole periods only). */
export const SERIES_FROM = '2022-01-01';
export const SERIES_TO = REFERENCE_DATE;

export interface ObservationSeed {
  indicatorCode: string;
  unitId: string;
  parentUnitId: string | null;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number;
}

const DISTRICT_IDS = unitsAtLevel(AdministrativeLevel.DISTRICT)
  .map((u) => u.id)
  .sort();

/** A count's level is per month; other frequencies scale it. */
const PERIOD_FACTOR: Record<Frequency, number> = {
  [Frequency.WEEKLY]: 7 / 30.44,
  [Frequency.MONTHLY]: 1,
  [Frequency.QUARTERLY]: 3,
  [Frequency.YEARLY]: 12,
};

export function decimalsOf(spec: IndicatorSpec): number {
  if (spec.decimals !== undefined) return spec.decimals;
  if (spec.measure === '%') return 4;
  if (spec.kind === 'count' || spec.kind === 'countLow' || spec.kind === 'rank') return 0;
  if (spec.kind === 'level' && Number.isInteger(spec.level) && spec.level >= 10) return 0;
  return 2;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Uniform in [min, max). */
function uniform(rng: Random, min: number, max: number): number {
  return min + rng.next() * (max - min);
}

/** Symmetric noise in [-amplitude, amplitude). */
function noise(rng: Random, amplitude: number): number {
  return (rng.next() * 2 - 1) * amplitude;
}

/** Synthetic values of each district, by period index, around the indicator's level and trend. */
function districtSeries(spec: IndicatorSpec, periods: Period[], rng: Random): Map<string, number[]> {
  const n = periods.length;
  const progress = (i: number) => (n > 1 ? i / (n - 1) : 1) - 0.5;
  const L = spec.level;
  const isPercent = spec.measure === '%';
  const series = new Map<string, number[]>();
  const weights = DISTRICT_IDS.map((d) => DISTRICT_POPULATION_SHARES[d] * uniform(rng, 0.75, 1.25));
  const weightSum = weights.reduce((s, w) => s + w, 0);
  switch (spec.kind) {
    case 'count':
    case 'countLow': {
      const growth = spec.kind === 'count' ? uniform(rng, -0.05, 0.35) : uniform(rng, -0.3, 0.1);
      const perPeriod = L * PERIOD_FACTOR[spec.frequency];
      DISTRICT_IDS.forEach((d, k) => {
        const share = weights[k] / weightSum;
        series.set(d, periods.map((_, i) => Math.max(0, perPeriod * share * (1 + growth * progress(i)) * (1 + noise(rng, 0.08)))));
      });
      break;
    }
    case 'rate':
    case 'rateLow': {
      const spread = Math.min(0.12, L * 0.3);
      const drift = spec.kind === 'rate' ? uniform(rng, 0, 0.12) : -uniform(rng, 0, 0.5) * L;
      const amplitude = spec.kind === 'rate' ? Math.min(0.012, L * 0.1) : L * 0.1;
      for (const d of DISTRICT_IDS) {
        const offset = noise(rng, spread);
        series.set(d, periods.map((_, i) => clamp(L + offset + drift * progress(i) + noise(rng, amplitude), 0, 1)));
      }
      break;
    }
    case 'score':
    case 'mean':
    case 'meanLow': {
      const spread = spec.kind === 'score' ? 0.06 : 0.2;
      const drift = L * uniform(rng, 0, 0.1) * (spec.kind === 'meanLow' ? -1 : 1);
      for (const d of DISTRICT_IDS) {
        const offset = L * noise(rng, spread);
        series.set(d, periods.map((_, i) => {
          const v = Math.max(0, L + offset + drift * progress(i) + L * noise(rng, 0.03));
          return spec.kind === 'score' && L <= 100 ? Math.min(100, v) : v;
        }));
      }
      break;
    }
    case 'level': {
      // A level in points or percent is the district's own standing around the level; a
      // level counted in items (procedures, cameras) is the district's share of it.
      const standing = isPercent || spec.measure === 'điểm' || !Number.isInteger(L);
      const growth = uniform(rng, 0, 0.2);
      DISTRICT_IDS.forEach((d, k) => {
        const share = weights[k] / weightSum;
        const offset = L * noise(rng, 0.08);
        series.set(d, periods.map((_, i) => {
          if (!standing) return Math.max(0, L * share * (1 + growth * progress(i)) * (1 + noise(rng, 0.02)));
          const v = L + offset + growth * L * progress(i) + L * noise(rng, 0.01);
          return isPercent ? clamp(v, 0, 1) : Math.max(0, v);
        }));
      });
      break;
    }
    case 'rank': {
      // Each period the 9 districts are ranked 1..9 among themselves.
      const ranks = periods.map(() => rng.shuffle(DISTRICT_IDS.map((_, k) => k + 1)));
      DISTRICT_IDS.forEach((d, k) => series.set(d, ranks.map((r) => r[k])));
      break;
    }
  }
  return series;
}

/** The province's own value where it is not derived from the districts (LAST: ranks, levels). */
function provinceOwnSeries(spec: IndicatorSpec, periods: Period[], rng: Random): number[] {
  const L = spec.level;
  const n = periods.length;
  if (spec.kind === 'rank') {
    let rank = clamp(Math.round(uniform(rng, L - 5, L + 5)), 1, 63);
    return periods.map(() => {
      rank = clamp(rank + rng.between(-2, 2), 1, 63);
      return rank;
    });
  }
  const growth = uniform(rng, 0, 0.1);
  return periods.map((_, i) => {
    const v = L * (1 + growth * ((n > 1 ? i / (n - 1) : 1) - 0.5)) * (1 + noise(rng, 0.01));
    return spec.measure === '%' ? clamp(v, 0, 1) : v;
  });
}

/** The province's value by the roll-up rule, the way the API would roll it up (population weights). */
function aggregate(rule: AggregationRule, values: number[]): number {
  switch (rule) {
    case AggregationRule.SUM:
      return values.reduce((s, v) => s + v, 0);
    case AggregationRule.AVERAGE:
      return values.reduce((s, v) => s + v, 0) / values.length;
    case AggregationRule.WEIGHTED_AVERAGE: {
      const w = DISTRICT_IDS.map((d) => DISTRICT_POPULATION_SHARES[d]);
      return values.reduce((s, v, k) => s + v * w[k], 0) / w.reduce((s, x) => s + x, 0);
    }
    case AggregationRule.LAST:
      throw new Error('LAST indicators are not derived from their children');
  }
}

/**
 * A series from `start` to `end` over the periods, straight with a little noise inside, so
 * that a target's status is known in advance (checked while seeding).
 */
export function designedValues(design: DesignedSeries, n: number, spec: IndicatorSpec, rng: Random): number[] {
  const amplitude = Math.abs(design.end - design.start) * 0.02;
  return Array.from({ length: n }, (_, i) => {
    if (i === n - 1) return design.end;
    if (i === 0) return design.start;
    const v = design.start + ((design.end - design.start) * i) / (n - 1) + noise(rng, amplitude);
    return spec.measure === '%' ? clamp(v, 0, 1) : Math.max(0, v);
  });
}

/**
 * The observations of one indicator. `fullSeries` false (small scales) keeps only the
 * province's series of an ordinary indicator; published and programme indicators, and
 * roll-up-only ones, keep everything.
 */
export function observationsOf(spec: IndicatorSpec, fullSeries: boolean): ObservationSeed[] {
  const rng = new Random(`indicators:${spec.code}`);
  const periods = periodsBetween(spec.frequency, SERIES_FROM, SERIES_TO);
  const decimals = decimalsOf(spec);
  const byUnit = districtSeries(spec, periods, rng);
  for (const [unitId, design] of spec.designed) byUnit.set(unitId, designedValues(design, periods.length, spec, rng));
  const periodIndex = new Map(periods.map((p, i) => [p.period, i]));
  for (const pin of spec.pinned) {
    const i = periodIndex.get(pin.period);
    if (pin.unitId !== PROVINCE_ID && i !== undefined && byUnit.has(pin.unitId)) byUnit.get(pin.unitId)![i] = pin.value;
  }
  const rounded = (values: number[]) => values.map((v) => round(v, decimals));
  for (const [unitId, values] of byUnit) byUnit.set(unitId, rounded(values));
  const province =
    spec.aggregation === AggregationRule.LAST
      ? rounded(provinceOwnSeries(spec, periods, rng))
      : rounded(periods.map((_, i) => aggregate(spec.aggregation, DISTRICT_IDS.map((d) => byUnit.get(d)![i]))));

  const coverage = !spec.special && !fullSeries && spec.coverage === 'all' ? 'province' : spec.coverage;
  const emitted = new Set<string>([...spec.designed.keys()]);
  if (coverage === 'all' || coverage === 'province') emitted.add(PROVINCE_ID);
  if (coverage === 'all' || coverage === 'districts') DISTRICT_IDS.forEach((d) => emitted.add(d));

  const rows = new Map<string, ObservationSeed>();
  const put = (unitId: string, period: Period, value: number) => {
    rows.set(`${unitId}|${period.period}`, {
      indicatorCode: spec.code,
      unitId,
      parentUnitId: unitById(unitId)?.parentId ?? null,
      period: period.period,
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      value,
    });
  };
  for (const unitId of emitted) {
    const values = unitId === PROVINCE_ID ? province : byUnit.get(unitId);
    if (!values) throw new Error(`No series drawn for ${spec.code} at unit ${unitId}`);
    periods.forEach((p, i) => put(unitId, p, values[i]));
  }
  // Published figures win over the synthetic values, and may lie outside the series (e.g. 2021).
  for (const pin of spec.pinned) {
    const period = parsePeriod(pin.period);
    if (!period || period.frequency !== spec.frequency) throw new Error(`${spec.code}: pinned period ${pin.period} is not a ${spec.frequency} period`);
    put(pin.unitId, period, pin.value);
  }
  return [...rows.values()];
}
