import { TargetStatus } from '../entities/enums';
import type { DesignedSeries } from './spec';

/** A target the seed creates; `designed` is the unit's series that makes `intended` come out. */
export interface TargetTemplate {
  programme: string;
  unitId: string;
  indicatorCode: string;
  targetValue: number;
  deadline: string;
  /** The status the rule must derive as of the reference date (checked while seeding); absent when not planned. */
  intended?: TargetStatus;
  designed?: DesignedSeries;
}

export const PROGRAMME_39 = '39-CTr/TU';
const BEN_CAT = '721';
const PROGRAMME_END = '2025-12-31';

const { ACHIEVED, ON_TRACK, NOT_ACHIEVED, NOT_MEASURED } = TargetStatus;

type Row = [indicatorCode: string, targetValue: number, deadline: string, intended: TargetStatus, start?: number, end?: number];

/**
 * Bến Cát's programme 39-CTr/TU (2022–2025): 41 targets, of which 21 met, 9 expected before
 * 2025, 6 not met and 5 not measured (DOMAIN.md). Each row draws Bến Cát's series of the
 * indicator from `start` to `end` (the value at the reference date) so that the status rule
 * gives the published count; the Bến Cát figures (online intake 67%, commune level 84%,
 * online payment 86%, 24 IOC subsystems, 100% e-invoices) are the ends of their series.
 */
const PROGRAMME_39_ROWS: readonly Row[] = [
  // Met: the latest value already meets the target.
  ['DVC-011', 0.8, PROGRAMME_END, ACHIEVED, 0.4, 0.86],
  ['THU-001', 1, PROGRAMME_END, ACHIEVED, 0.85, 1],
  ['CDS-006', 20, PROGRAMME_END, ACHIEVED, 8, 24],
  ['DVC-014', 0.8, PROGRAMME_END, ACHIEVED, 0.45, 0.84],
  ['CCH-003', 0.95, PROGRAMME_END, ACHIEVED, 0.8, 0.98],
  ['CCH-004', 0.9, PROGRAMME_END, ACHIEVED, 0.7, 0.97],
  ['CDS-007', 0.9, PROGRAMME_END, ACHIEVED, 0.78, 0.93],
  ['CDS-002', 0.8, PROGRAMME_END, ACHIEVED, 0.7, 0.85],
  ['CDS-008', 0.85, PROGRAMME_END, ACHIEVED, 0.8, 0.92],
  ['GDU-001', 1, PROGRAMME_END, ACHIEVED, 0.6, 1],
  ['YTE-001', 1, PROGRAMME_END, ACHIEVED, 0.7, 1],
  ['CDS-009', 1, PROGRAMME_END, ACHIEVED, 0.95, 1],
  ['ANT-001', 350, PROGRAMME_END, ACHIEVED, 150, 420],
  ['DVC-022', 0.02, PROGRAMME_END, ACHIEVED, 0.05, 0.008],
  ['CDS-004', 60, PROGRAMME_END, ACHIEVED, 30, 72],
  ['DVC-005', 0.7, PROGRAMME_END, ACHIEVED, 0.3, 0.72],
  ['CCH-005', 1, PROGRAMME_END, ACHIEVED, 0.85, 1],
  ['DCU-011', 0.6, PROGRAMME_END, ACHIEVED, 0.1, 0.62],
  ['CDS-010', 0, PROGRAMME_END, ACHIEVED, 6, 0],
  ['THU-002', 0.95, PROGRAMME_END, ACHIEVED, 0.9, 0.99],
  ['CCH-006', 1, PROGRAMME_END, ACHIEVED, 0.6, 1],
  // Expected before the end of 2025: not met yet, the trend reaches the target by the deadline.
  ['DVC-003', 0.75, PROGRAMME_END, ON_TRACK, 0.38, 0.67],
  ['DVC-012', 0.55, PROGRAMME_END, ON_TRACK, 0.2, 0.46],
  ['DVC-025', 0.5, PROGRAMME_END, ON_TRACK, 0.25, 0.45],
  ['CDS-011', 0.2, PROGRAMME_END, ON_TRACK, 0.12, 0.15],
  ['DNG-005', 0.7, PROGRAMME_END, ON_TRACK, 0.35, 0.62],
  ['CTH-001', 0.65, PROGRAMME_END, ON_TRACK, 0.25, 0.55],
  ['CDS-013', 0.8, PROGRAMME_END, ON_TRACK, 0.4, 0.7],
  ['CDS-012', 0.5, PROGRAMME_END, ON_TRACK, 0.05, 0.4],
  ['DVC-004', 0.95, PROGRAMME_END, ON_TRACK, 0.5, 0.82],
  // Not met: the trend falls short, or the deadline has passed.
  ['DVC-006', 0.3, PROGRAMME_END, NOT_ACHIEVED, 0.06, 0.08],
  ['DVC-021', 1, '2024-06-30', NOT_ACHIEVED, 0.4, 0.78],
  ['CDS-014', 100, '2023-12-31', NOT_ACHIEVED, 20, 64],
  ['CDS-015', 0.9, PROGRAMME_END, NOT_ACHIEVED, 0.3, 0.4],
  ['THU-003', 0.8, '2024-06-30', NOT_ACHIEVED, 0.1, 0.52],
  ['DVC-023', 3, PROGRAMME_END, NOT_ACHIEVED, 5.6, 5.2],
  // Not measured: new indicators nobody reports yet.
  ['KHC-001', 0.5, PROGRAMME_END, NOT_MEASURED],
  ['XDU-001', 0.5, PROGRAMME_END, NOT_MEASURED],
  ['CCH-007', 80, PROGRAMME_END, NOT_MEASURED],
  ['CDS-016', 0.6, PROGRAMME_END, NOT_MEASURED],
  ['CTH-002', 30, PROGRAMME_END, NOT_MEASURED],
];

const DIGITISED_RESULTS_2023 = 'Kế hoạch số hóa kết quả giải quyết thủ tục hành chính năm 2023';
const GOALS_2024 = 'Mục tiêu chuyển đổi số năm 2024';
const EID_CAMPAIGN = 'Đợt cao điểm kích hoạt định danh điện tử 16–31/3/2023';
const DI_AN_2024 = 'Kế hoạch chuyển đổi số thành phố Dĩ An năm 2024';

/** Short keys that prefix target ids ("39-CTr/TU#07"); a programme without one uses its name. */
export const PROGRAMME_KEYS: Readonly<Record<string, string>> = {
  [PROGRAMME_39]: PROGRAMME_39,
  [DIGITISED_RESULTS_2023]: 'SHKQ-2023',
  [GOALS_2024]: 'CDS-2024',
  [EID_CAMPAIGN]: 'DDDT-2023-03',
  [DI_AN_2024]: 'CDS-DIAN-2024',
};

/** Targets of other programmes and units (their statuses follow from the data as it is). */
const OTHER_TARGETS: readonly TargetTemplate[] = [
  // Digitised results, 2023: 70% province level, 60% district level, 55% commune level (DOMAIN.md).
  { programme: DIGITISED_RESULTS_2023, unitId: '74', indicatorCode: 'DVC-018', targetValue: 0.7, deadline: '2023-12-31' },
  { programme: DIGITISED_RESULTS_2023, unitId: '74', indicatorCode: 'DVC-019', targetValue: 0.6, deadline: '2023-12-31' },
  { programme: DIGITISED_RESULTS_2023, unitId: '74', indicatorCode: 'DVC-020', targetValue: 0.55, deadline: '2023-12-31' },
  // 2024 goals: 100% of online-service users identified, over 50% use services from home, 100% electronic results.
  { programme: GOALS_2024, unitId: '74', indicatorCode: 'DVC-024', targetValue: 1, deadline: '2024-12-31' },
  { programme: GOALS_2024, unitId: '74', indicatorCode: 'DVC-025', targetValue: 0.5, deadline: '2024-12-31' },
  { programme: GOALS_2024, unitId: '74', indicatorCode: 'DVC-004', targetValue: 1, deadline: '2024-12-31' },
  // The electronic-ID campaign of 16–31/3/2023 had a target of 103,000 accounts (126,181 reached).
  { programme: EID_CAMPAIGN, unitId: '74', indicatorCode: 'DCU-001', targetValue: 103000, deadline: '2023-03-31', intended: ACHIEVED },
  // A district plan, so that targets of several units are in the data.
  { programme: DI_AN_2024, unitId: '724', indicatorCode: 'DVC-003', targetValue: 0.55, deadline: '2024-12-31' },
  { programme: DI_AN_2024, unitId: '724', indicatorCode: 'DVC-011', targetValue: 0.6, deadline: '2024-12-31' },
];

export const TARGETS: readonly TargetTemplate[] = [
  ...PROGRAMME_39_ROWS.map(([indicatorCode, targetValue, deadline, intended, start, end]) => ({
    programme: PROGRAMME_39,
    unitId: BEN_CAT,
    indicatorCode,
    targetValue,
    deadline,
    intended,
    designed: start === undefined || end === undefined ? undefined : { start, end },
  })),
  ...OTHER_TARGETS,
];
