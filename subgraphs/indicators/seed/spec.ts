import { AggregationRule, AggregationWeight, Frequency } from '../entities/enums';

/**
 * How synthetic values of an indicator behave, and so its direction and roll-up rule:
 * count (SUM, more is better), countLow (SUM, less is better), rate / rateLow (fractions,
 * WEIGHTED_AVERAGE by population), score / mean / meanLow (AVERAGE), level (a stock or
 * standing only its own unit reports: LAST, more is better), rank (LAST, less is better).
 */
export type MetricKind = 'count' | 'countLow' | 'rate' | 'rateLow' | 'score' | 'mean' | 'meanLow' | 'level' | 'rank';

/**
 * Which units get a synthetic series: the province and the 9 districts ('all'), the province
 * alone, the districts alone (so the province's value is a roll-up) or none (only pinned values).
 */
export type Coverage = 'all' | 'province' | 'districts' | 'none';

/** A published figure (DOMAIN.md) stored as an observation. */
export interface PinnedValue {
  unitId: string;
  period: string;
  value: number;
}

/** A series drawn for one unit so that a programme target's status comes out as planned. */
export interface DesignedSeries {
  start: number;
  end: number;
}

/** Everything the seed knows about one indicator. */
export interface IndicatorSpec {
  code: string;
  name: string;
  measure: string;
  sectorCode: string;
  frequency: Frequency;
  higherIsBetter: boolean;
  source: string;
  aggregation: AggregationRule;
  aggregationWeight: AggregationWeight | null;
  kind: MetricKind;
  /** Typical province value per period (per month for counts of weekly indicators, see generate.ts). */
  level: number;
  coverage: Coverage;
  /** Published or programme indicators keep their full series at every scale. */
  special: boolean;
  pinned: PinnedValue[];
  designed: Map<string, DesignedSeries>;
  /** Decimals stored; by default from the kind and measure (see generate.ts). */
  decimals?: number;
  /** Position among the generated (non-special) indicators: decides thinning at small scales. */
  generatedIndex?: number;
}

export const KIND_RULES: Record<MetricKind, { higherIsBetter: boolean; aggregation: AggregationRule }> = {
  count: { higherIsBetter: true, aggregation: AggregationRule.SUM },
  countLow: { higherIsBetter: false, aggregation: AggregationRule.SUM },
  rate: { higherIsBetter: true, aggregation: AggregationRule.WEIGHTED_AVERAGE },
  rateLow: { higherIsBetter: false, aggregation: AggregationRule.WEIGHTED_AVERAGE },
  score: { higherIsBetter: true, aggregation: AggregationRule.AVERAGE },
  mean: { higherIsBetter: true, aggregation: AggregationRule.AVERAGE },
  meanLow: { higherIsBetter: false, aggregation: AggregationRule.AVERAGE },
  level: { higherIsBetter: true, aggregation: AggregationRule.LAST },
  rank: { higherIsBetter: false, aggregation: AggregationRule.LAST },
};

export const FREQUENCY_CODES: Record<string, Frequency> = {
  W: Frequency.WEEKLY,
  M: Frequency.MONTHLY,
  Q: Frequency.QUARTERLY,
  Y: Frequency.YEARLY,
};
