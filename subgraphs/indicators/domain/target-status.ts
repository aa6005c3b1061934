import { TargetStatus } from '../entities/enums';
import { dayNumber } from './periods';

/** What the status rule needs to know about a target. */
export interface TargetRule {
  targetValue: number;
  /** Last day ("YYYY-MM-DD") by which the target is to be met. */
  deadline: string;
  /** The indicator's direction: true when more is better (≥ meets), false when less is (≤ meets). */
  higherIsBetter: boolean;
}

/** One observation on the time axis: the value is known at the end of its period. */
export interface TrendPoint {
  periodEnd: string;
  value: number;
}

// Values are compared with a tolerance so that a rolled-up 0.7 equals a target of 0.7.
const EPSILON = 1e-9;

function meets(rule: TargetRule, value: number): boolean {
  return rule.higherIsBetter ? value >= rule.targetValue - EPSILON : value <= rule.targetValue + EPSILON;
}

/**
 * The least-squares line through the points (x = day of the period end, y = value), evaluated
 * on `date`. One point, or points all on one day, give a flat line through their mean.
 */
export function trendValueOn(points: readonly TrendPoint[], date: string): number {
  const xs = points.map((p) => dayNumber(p.periodEnd));
  const meanX = xs.reduce((s, x) => s + x, 0) / points.length;
  const meanY = points.reduce((s, p) => s + p.value, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  points.forEach((p, i) => {
    sxy += (xs[i] - meanX) * (p.value - meanY);
    sxx += (xs[i] - meanX) ** 2;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return meanY + slope * (dayNumber(date) - meanX);
}

/**
 * The status of a target as of `asOf` (only observations whose period ends on or before
 * `asOf` count):
 * - NOT_MEASURED when there is no such observation;
 * - ACHIEVED when the latest one meets the target (≥ when higher is better, else ≤);
 * - ON_TRACK when the deadline is after `asOf` and the least-squares trend of the
 *   observations meets the target on the deadline;
 * - NOT_ACHIEVED otherwise.
 */
export function targetStatus(rule: TargetRule, observations: readonly TrendPoint[], asOf: string): TargetStatus {
  const counted = observations.filter((o) => o.periodEnd <= asOf).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  if (counted.length === 0) return TargetStatus.NOT_MEASURED;
  if (meets(rule, counted[counted.length - 1].value)) return TargetStatus.ACHIEVED;
  if (rule.deadline > asOf && meets(rule, trendValueOn(counted, rule.deadline))) return TargetStatus.ON_TRACK;
  return TargetStatus.NOT_ACHIEVED;
}
