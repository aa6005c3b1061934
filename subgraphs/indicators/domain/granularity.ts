import { registerEnumType } from 'type-graphql';
import { Frequency } from '../entities/enums';

/** The bucket size of `Indicator.seriesAt` (chu kỳ tổng hợp). */
export enum Granularity {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(Granularity, {
  name: 'Granularity',
  description:
    'The bucket size of a time series (chu kỳ tổng hợp). An observation falls in the bucket that holds its period end (the day its value is known), so a week that spans two months counts in the month of its Sunday. A granularity finer than the indicator\'s reporting frequency is refused (BAD_USER_INPUT): values are never split.',
  valuesConfig: {
    WEEK: { description: 'ISO week, Monday to Sunday (tuần); labels like "2023-W49". Only for weekly indicators.' },
    MONTH: { description: 'Calendar month (tháng); labels like "2023-12".' },
    QUARTER: { description: 'Calendar quarter (quý); labels like "2023-Q4".' },
    YEAR: { description: 'Calendar year (năm); labels like "2023".' },
  },
});

/** How fine a frequency or granularity is: a series can only be bucketed at its own size or coarser. */
const FREQUENCY_RANK: Record<Frequency, number> = { WEEKLY: 0, MONTHLY: 1, QUARTERLY: 2, YEARLY: 3 };
const GRANULARITY_RANK: Record<Granularity, number> = { WEEK: 0, MONTH: 1, QUARTER: 2, YEAR: 3 };

export function canBucket(frequency: Frequency, granularity: Granularity): boolean {
  return GRANULARITY_RANK[granularity] >= FREQUENCY_RANK[frequency];
}

/**
 * The SQL expression of the bucket label of a row with `period`/`period_end` columns (prefix
 * `s.`): text operations only, so it runs the same on SQLite and PostgreSQL.
 */
export function bucketSql(granularity: Granularity): string {
  switch (granularity) {
    case Granularity.WEEK:
      return 's.period';
    case Granularity.MONTH:
      return 'substr(s.period_end, 1, 7)';
    case Granularity.QUARTER:
      return `substr(s.period_end, 1, 4) || case when substr(s.period_end, 6, 2) <= '03' then '-Q1' when substr(s.period_end, 6, 2) <= '06' then '-Q2' when substr(s.period_end, 6, 2) <= '09' then '-Q3' else '-Q4' end`;
    case Granularity.YEAR:
      return 'substr(s.period_end, 1, 4)';
  }
}
