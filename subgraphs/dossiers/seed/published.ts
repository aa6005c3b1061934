import { FULL_SCALE } from '../../kit';

/**
 * Published provincial figures (DOMAIN.md, 2022–2024) that the seed reproduces exactly
 * at province level over the whole period, by assigning each flag to an exact number of
 * eligible dossiers. Shares are of the rate's denominator in the contract's DossierStats.
 */
export const PUBLISHED = {
  /** Procedures offered online (FULL or PARTIAL): 59.38%. */
  onlineProcedureShare: 0.5938,
  /** Dossiers submitted online, of all dossiers: 45.97%. */
  onlineRate: 0.4597,
  /** Completed dossiers with an electronic result: 60.81%. */
  electronicResultRate: 0.6081,
  /** Dossiers digitised: 48.67%. */
  digitizationRate: 0.4867,
  /** Dossiers synced to the National Public Service Portal: 967,020 of 1,925,307 (50.23%). */
  syncedRate: 967_020 / FULL_SCALE.dossiers,
  /** Payments made online, of paying dossiers: 101,373 of 264,578 in one week (38.32%). */
  onlinePaymentRate: 0.3832,
  /** Đề án 06 police services: 32,044 of 32,356 dossiers online (99.04%). */
  policeEssential: { dossiers: 32_356, online: 32_044 },
  /** Đề án 06 department services: 4,053 of 6,158 dossiers online (65.82%). */
  departmentEssential: { dossiers: 6_158, online: 4_053 },
} as const;

/** The dossier period: submissions from 2022-01-01 to the reference date 2024-09-30 (Vietnamese days). */
export const PERIOD_FIRST_DAY = '2022-01-01';
