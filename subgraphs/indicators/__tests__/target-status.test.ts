import { targetStatus, trendValueOn, TrendPoint } from '../domain/target-status';
import { TargetStatus } from '../entities/enums';

// Hand-built series for each branch of the status rule, in both directions.
const monthEnds = ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30'];
const series = (values: number[]): TrendPoint[] => values.map((value, i) => ({ periodEnd: monthEnds[i], value }));
const AS_OF = '2024-06-30';

describe('targetStatus', () => {
  describe('when higher is better', () => {
    const rule = { targetValue: 0.8, deadline: '2025-12-31', higherIsBetter: true };

    it('is NOT_MEASURED without observations', () => {
      expect(targetStatus(rule, [], AS_OF)).toBe(TargetStatus.NOT_MEASURED);
    });

    it('is ACHIEVED when the latest observation reaches the target, even after a dip', () => {
      expect(targetStatus(rule, series([0.9, 0.5, 0.8]), AS_OF)).toBe(TargetStatus.ACHIEVED);
    });

    it('judges by the latest observation, not the best one', () => {
      expect(targetStatus(rule, series([0.9, 0.85, 0.5]), AS_OF)).not.toBe(TargetStatus.ACHIEVED);
    });

    it('is ON_TRACK when the rising trend reaches the target by the deadline', () => {
      // +0.02 a month from 0.5: about 0.9 at the end of 2025.
      expect(targetStatus(rule, series([0.5, 0.52, 0.54, 0.56, 0.58, 0.6]), AS_OF)).toBe(TargetStatus.ON_TRACK);
    });

    it('is NOT_ACHIEVED when the trend falls short of the target by the deadline', () => {
      expect(targetStatus(rule, series([0.5, 0.505, 0.51, 0.515, 0.52, 0.525]), AS_OF)).toBe(TargetStatus.NOT_ACHIEVED);
    });

    it('is NOT_ACHIEVED when the deadline has passed, whatever the trend', () => {
      const passed = { ...rule, deadline: '2024-05-31' };
      expect(targetStatus(passed, series([0.5, 0.52, 0.54, 0.56, 0.58, 0.6]), AS_OF)).toBe(TargetStatus.NOT_ACHIEVED);
    });

    it('is NOT_ACHIEVED when the deadline is the assessment date itself (not after it)', () => {
      const today = { ...rule, deadline: AS_OF };
      expect(targetStatus(today, series([0.5, 0.52, 0.54, 0.56, 0.58, 0.6]), AS_OF)).toBe(TargetStatus.NOT_ACHIEVED);
    });

    it('is NOT_ACHIEVED with a single unmet observation (a flat trend)', () => {
      expect(targetStatus(rule, series([0.6]), AS_OF)).toBe(TargetStatus.NOT_ACHIEVED);
    });
  });

  describe('when lower is better', () => {
    const rule = { targetValue: 0.02, deadline: '2025-12-31', higherIsBetter: false };

    it('is ACHIEVED when the latest observation is at or below the target', () => {
      expect(targetStatus(rule, series([0.05, 0.03, 0.02]), AS_OF)).toBe(TargetStatus.ACHIEVED);
    });

    it('is not ACHIEVED when the latest observation is above the target', () => {
      expect(targetStatus(rule, series([0.01, 0.01, 0.03]), AS_OF)).not.toBe(TargetStatus.ACHIEVED);
    });

    it('is ON_TRACK when the falling trend gets down to the target by the deadline', () => {
      expect(targetStatus(rule, series([0.1, 0.095, 0.09, 0.085, 0.08, 0.075]), AS_OF)).toBe(TargetStatus.ON_TRACK);
    });

    it('is NOT_ACHIEVED when the trend rises away from the target', () => {
      expect(targetStatus(rule, series([0.05, 0.051, 0.052, 0.053, 0.054, 0.055]), AS_OF)).toBe(TargetStatus.NOT_ACHIEVED);
    });
  });

  describe('the asOf cut-off', () => {
    const rule = { targetValue: 0.8, deadline: '2025-12-31', higherIsBetter: true };
    const points = series([0.5, 0.6, 0.7, 0.85]); // met in April only

    it('counts only observations whose period ends on or before asOf', () => {
      expect(targetStatus(rule, points, '2024-04-30')).toBe(TargetStatus.ACHIEVED);
      expect(targetStatus(rule, points, '2024-04-29')).not.toBe(TargetStatus.ACHIEVED);
    });

    it('is NOT_MEASURED before the first period has ended', () => {
      expect(targetStatus(rule, points, '2024-01-30')).toBe(TargetStatus.NOT_MEASURED);
    });

    it('does not depend on the order the observations come in', () => {
      expect(targetStatus(rule, [...points].reverse(), '2024-04-30')).toBe(TargetStatus.ACHIEVED);
    });
  });
});

describe('trendValueOn', () => {
  it('extends the least-squares line of the points', () => {
    const points = [
      { periodEnd: '2024-01-01', value: 1 },
      { periodEnd: '2024-01-11', value: 2 },
      { periodEnd: '2024-01-21', value: 3 },
    ];
    expect(trendValueOn(points, '2024-01-31')).toBeCloseTo(4, 10);
  });

  it('is the mean for points on one day', () => {
    expect(trendValueOn([{ periodEnd: '2024-01-01', value: 1 }, { periodEnd: '2024-01-01', value: 3 }], '2025-01-01')).toBeCloseTo(2, 10);
  });
});
