import { registerEnumType } from 'type-graphql';

export enum Frequency {
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  YEARLY = 'YEARLY',
}
registerEnumType(Frequency, {
  name: 'Frequency',
  description: 'How often an indicator is reported (tần suất báo cáo); each frequency has its own ISO period label.',
  valuesConfig: {
    WEEKLY: { description: 'Every ISO week, Monday to Sunday (hằng tuần); periods like "2023-W49".' },
    MONTHLY: { description: 'Every calendar month (hằng tháng); periods like "2023-12".' },
    QUARTERLY: { description: 'Every calendar quarter (hằng quý); periods like "2023-Q4".' },
    YEARLY: { description: 'Every calendar year (hằng năm); periods like "2023".' },
  },
});

export enum TargetStatus {
  ACHIEVED = 'ACHIEVED',
  ON_TRACK = 'ON_TRACK',
  NOT_ACHIEVED = 'NOT_ACHIEVED',
  NOT_MEASURED = 'NOT_MEASURED',
}
registerEnumType(TargetStatus, {
  name: 'TargetStatus',
  description: 'Where a programme target stands on a date (tình trạng thực hiện chỉ tiêu); see `Target` for the rule.',
  valuesConfig: {
    ACHIEVED: { description: 'Met (đạt): the latest observation meets the target value in the indicator\'s direction.' },
    ON_TRACK: { description: 'On track (dự kiến đạt): expected to be met by the deadline; not met yet, the deadline is after the date and the least-squares trend reaches the target by the deadline.' },
    NOT_ACHIEVED: { description: 'Missed (không đạt): not met, and either the deadline has passed or the trend does not reach the target by the deadline.' },
    NOT_MEASURED: { description: 'Not measured (chưa đánh giá): no observation up to the date.' },
  },
});

export enum AggregationRule {
  SUM = 'SUM',
  AVERAGE = 'AVERAGE',
  WEIGHTED_AVERAGE = 'WEIGHTED_AVERAGE',
  LAST = 'LAST',
}
registerEnumType(AggregationRule, {
  name: 'AggregationRule',
  description:
    'How a unit\'s value is rolled up from its child units\' values of the same period when the unit reports none itself (quy tắc tổng hợp).',
  valuesConfig: {
    SUM: { description: 'Sum of the children\'s values (counts: hồ sơ, người, doanh nghiệp, …).' },
    AVERAGE: { description: 'Unweighted mean of the children\'s values (scores, averages per unit).' },
    WEIGHTED_AVERAGE: { description: 'Mean of the children\'s values weighted by `Indicator.aggregationWeight` (rates).' },
    LAST: {
      description:
        'A standing or level that only its own unit can report (ranks, externally assessed indices, catalogue sizes): over time the last period stands; it is never derived from children, so a unit without observations of its own has no value.',
    },
  },
});

export enum AggregationWeight {
  POPULATION_SHARE = 'POPULATION_SHARE',
}
registerEnumType(AggregationWeight, {
  name: 'AggregationWeight',
  description: 'The weight of each child unit in a WEIGHTED_AVERAGE roll-up (trọng số).',
  valuesConfig: {
    POPULATION_SHARE: {
      description:
        'The child unit\'s share of the province\'s 2024 population (districts: provincial statistics; communes: their district\'s share split evenly).',
    },
  },
});

export enum ObservationSource {
  REPORTED = 'REPORTED',
  ROLLED_UP = 'ROLLED_UP',
}
registerEnumType(ObservationSource, {
  name: 'ObservationSource',
  description: 'Where an observation\'s value comes from (nguồn số liệu).',
  valuesConfig: {
    REPORTED: { description: 'Reported for the unit itself (số liệu báo cáo).' },
    ROLLED_UP: { description: 'Rolled up from the unit\'s direct child units\' observations of the same period by the indicator\'s aggregation rule (số liệu tổng hợp).' },
  },
});
