import type { SpecialIndicatorTemplate } from './published';

/**
 * Indicators computed from another domain's data by a job instead of drawn by the seed
 * (`../ingest`, `npm run ioc:refresh`): the seed creates their catalogue entries and no
 * observations. Their codes come after the sector's 38 seeded ones, so adding them changes no
 * other indicator's code or seeded series.
 */
export const WEEKLY_ONLINE_RATE = 'DVC-039';
export const WEEKLY_ON_TIME_RATE = 'DVC-040';
export const WEEKLY_ELECTRONIC_RESULT_RATE = 'DVC-041';

/** Rates are fractions in [0, 1] (measure "%"), like every other rate of the catalogue. */
export const DERIVED_INDICATORS: readonly SpecialIndicatorTemplate[] = [
  {
    code: WEEKLY_ONLINE_RATE, name: 'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến (hằng tuần)', measure: '%', kind: 'rate', frequency: 'W',
    level: 0.45, coverage: 'none',
  },
  {
    code: WEEKLY_ON_TIME_RATE, name: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn (hằng tuần)', measure: '%', kind: 'rate', frequency: 'W',
    level: 0.97, coverage: 'none',
  },
  {
    code: WEEKLY_ELECTRONIC_RESULT_RATE, name: 'Tỷ lệ hồ sơ thủ tục hành chính có kết quả giải quyết điện tử (hằng tuần)', measure: '%', kind: 'rate',
    frequency: 'W', level: 0.6, coverage: 'none',
  },
];
