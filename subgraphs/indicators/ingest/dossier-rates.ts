import { WEEKLY_ELECTRONIC_RESULT_RATE, WEEKLY_ON_TIME_RATE, WEEKLY_ONLINE_RATE } from '../seed/derived';

/** A `DossierStats` rate field of the public API. */
export type DossierRateField = 'onlineRate' | 'onTimeRate' | 'electronicResultRate';

/** Which `DossierStats` rate each weekly indicator of the catalogue (seed/derived.ts) records. */
export const DOSSIER_RATE_INDICATORS: readonly { indicatorCode: string; field: DossierRateField }[] = [
  { indicatorCode: WEEKLY_ONLINE_RATE, field: 'onlineRate' },
  { indicatorCode: WEEKLY_ON_TIME_RATE, field: 'onTimeRate' },
  { indicatorCode: WEEKLY_ELECTRONIC_RESULT_RATE, field: 'electronicResultRate' },
];
