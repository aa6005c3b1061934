import type { Coverage, MetricKind, PinnedValue } from './spec';

/**
 * Indicators that carry the published figures of DOMAIN.md (as pinned observations) or the
 * Bến Cát programme's targets. Their codes are fixed; the rest of each sector's catalogue is
 * generated after them. Where DOMAIN.md names no period, the period chosen is said in a
 * comment. Province is unit '74', Bến Cát '721'.
 */
export interface SpecialIndicatorTemplate {
  code: string;
  name: string;
  measure: string;
  kind: MetricKind;
  frequency: 'W' | 'M' | 'Q' | 'Y';
  /** Typical province value per period (counts: per month). */
  level: number;
  coverage: Coverage;
  source?: string;
  decimals?: number;
  pinned?: PinnedValue[];
}

const P = '74';
const BEN_CAT = '721';
const INDEX_766 = 'Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Bộ chỉ số 766)';
const NATIONAL_PORTAL = 'Cổng Dịch vụ công quốc gia';

// "Earlier" and "later" figures of the dossier rates: taken as the 2023 year-end report
// (2023-12) and the end of the dossier period, the reference date (2024-09).
const EARLIER = '2023-12';
const LATER = '2024-09';

export const SPECIAL_INDICATORS: readonly SpecialIndicatorTemplate[] = [
  // ── Dịch vụ công ──
  {
    code: 'DVC-001', name: 'Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (Bộ chỉ số 766)', measure: 'điểm', kind: 'level', frequency: 'W',
    level: 80, decimals: 1, coverage: 'all', source: INDEX_766,
    // Week 49 of 2023: 83.1/100, +4.3 points on the week before.
    pinned: [{ unitId: P, period: '2023-W48', value: 78.8 }, { unitId: P, period: '2023-W49', value: 83.1 }],
  },
  {
    code: 'DVC-002', name: 'Thứ hạng Bộ chỉ số 766 của tỉnh trong 63 tỉnh, thành phố', measure: 'thứ hạng', kind: 'rank', frequency: 'W',
    level: 10, coverage: 'province', source: INDEX_766,
    // Rank 6 of 63 in week 49 of 2023, +4 ranks on the week before.
    pinned: [{ unitId: P, period: '2023-W48', value: 10 }, { unitId: P, period: '2023-W49', value: 6 }],
  },
  {
    code: 'DVC-003', name: 'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến', measure: '%', kind: 'rate', frequency: 'M', level: 0.45, coverage: 'all',
    // Bến Cát's "over 67%" online intake at 30/9/2024 is the end of its programme series (programme-39.ts).
    pinned: [{ unitId: P, period: EARLIER, value: 0.4597 }, { unitId: P, period: LATER, value: 0.451 }],
  },
  {
    code: 'DVC-004', name: 'Tỷ lệ hồ sơ thủ tục hành chính có kết quả giải quyết điện tử', measure: '%', kind: 'rate', frequency: 'M', level: 0.6, coverage: 'all',
    pinned: [{ unitId: P, period: EARLIER, value: 0.6081 }, { unitId: P, period: LATER, value: 0.5983 }],
  },
  {
    code: 'DVC-005', name: 'Tỷ lệ hồ sơ thủ tục hành chính được số hóa', measure: '%', kind: 'rate', frequency: 'M', level: 0.48, coverage: 'all',
    pinned: [{ unitId: P, period: EARLIER, value: 0.4867 }, { unitId: P, period: LATER, value: 0.4773 }],
  },
  {
    code: 'DVC-006', name: 'Tỷ lệ khai thác, tái sử dụng dữ liệu số hóa', measure: '%', kind: 'rate', frequency: 'M', level: 0.07, coverage: 'all',
    pinned: [{ unitId: P, period: EARLIER, value: 0.0732 }, { unitId: P, period: LATER, value: 0.0698 }],
  },
  {
    code: 'DVC-007', name: 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến', measure: '%', kind: 'level', frequency: 'M', level: 0.59, coverage: 'province',
    pinned: [{ unitId: P, period: EARLIER, value: 0.5938 }, { unitId: P, period: LATER, value: 0.6045 }],
  },
  {
    // "Payments in one week": DOMAIN.md names no week; taken as week 49 of 2023, the week of the service-index figure.
    code: 'DVC-008', name: 'Số giao dịch thanh toán trực tuyến phí, lệ phí thủ tục hành chính', measure: 'giao dịch', kind: 'count', frequency: 'W',
    level: 440000, coverage: 'all', source: 'Nền tảng thanh toán trực tuyến của Cổng Dịch vụ công quốc gia',
    pinned: [{ unitId: P, period: '2023-W49', value: 101373 }],
  },
  {
    code: 'DVC-009', name: 'Số giao dịch thanh toán phí, lệ phí trực tiếp hoặc hình thức khác', measure: 'giao dịch', kind: 'countLow', frequency: 'W',
    level: 710000, coverage: 'all', source: 'Nền tảng thanh toán trực tuyến của Cổng Dịch vụ công quốc gia',
    pinned: [{ unitId: P, period: '2023-W49', value: 163205 }],
  },
  {
    code: 'DVC-010', name: 'Tỷ lệ giao dịch thanh toán phí, lệ phí trực tuyến', measure: '%', kind: 'rate', frequency: 'W', level: 0.38, coverage: 'all',
    source: 'Nền tảng thanh toán trực tuyến của Cổng Dịch vụ công quốc gia',
    pinned: [{ unitId: P, period: '2023-W49', value: 0.3832 }],
  },
  { code: 'DVC-011', name: 'Tỷ lệ hồ sơ được thanh toán phí, lệ phí trực tuyến', measure: '%', kind: 'rate', frequency: 'M', level: 0.5, coverage: 'all' },
  { code: 'DVC-012', name: 'Tỷ lệ hồ sơ nộp trực tuyến toàn trình', measure: '%', kind: 'rate', frequency: 'M', level: 0.3, coverage: 'all' },
  {
    // Bến Cát at 30/9/2024: online intake over 67%, of which full-process about 46%, partial about 22%.
    code: 'DVC-013', name: 'Tỷ lệ hồ sơ nộp trực tuyến một phần', measure: '%', kind: 'rate', frequency: 'M', level: 0.18, coverage: 'all',
    pinned: [{ unitId: BEN_CAT, period: LATER, value: 0.22 }],
  },
  { code: 'DVC-014', name: 'Tỷ lệ hồ sơ cấp xã nộp trực tuyến', measure: '%', kind: 'rate', frequency: 'M', level: 0.5, coverage: 'all' },
  {
    // Bến Cát commune level: over 84% online, full-process about 18%, partial about 66% (30/9/2024).
    code: 'DVC-015', name: 'Tỷ lệ hồ sơ cấp xã nộp trực tuyến toàn trình', measure: '%', kind: 'rate', frequency: 'M', level: 0.15, coverage: 'all',
    pinned: [{ unitId: BEN_CAT, period: LATER, value: 0.18 }],
  },
  {
    code: 'DVC-016', name: 'Tỷ lệ hồ sơ cấp xã nộp trực tuyến một phần', measure: '%', kind: 'rate', frequency: 'M', level: 0.4, coverage: 'all',
    pinned: [{ unitId: BEN_CAT, period: LATER, value: 0.66 }],
  },
  {
    // 903 eForms configured: DOMAIN.md names no date; taken as the 2023 year-end figure.
    code: 'DVC-017', name: 'Số biểu mẫu điện tử (eForm) được cấu hình trên Hệ thống thông tin giải quyết thủ tục hành chính', measure: 'biểu mẫu',
    kind: 'level', frequency: 'Y', level: 880, coverage: 'province', pinned: [{ unitId: P, period: '2023', value: 903 }],
  },
  { code: 'DVC-018', name: 'Tỷ lệ số hóa kết quả giải quyết thủ tục hành chính cấp tỉnh', measure: '%', kind: 'rate', frequency: 'M', level: 0.66, coverage: 'province' },
  { code: 'DVC-019', name: 'Tỷ lệ số hóa kết quả giải quyết thủ tục hành chính cấp huyện', measure: '%', kind: 'rate', frequency: 'M', level: 0.57, coverage: 'province' },
  { code: 'DVC-020', name: 'Tỷ lệ số hóa kết quả giải quyết thủ tục hành chính cấp xã', measure: '%', kind: 'rate', frequency: 'M', level: 0.52, coverage: 'province' },
  {
    code: 'DVC-021', name: 'Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia', measure: '%', kind: 'rate', frequency: 'M', level: 0.5, coverage: 'all',
    source: NATIONAL_PORTAL,
  },
  { code: 'DVC-022', name: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết trễ hạn', measure: '%', kind: 'rateLow', frequency: 'M', level: 0.03, coverage: 'all' },
  { code: 'DVC-023', name: 'Thời gian giải quyết thủ tục hành chính bình quân', measure: 'ngày', kind: 'meanLow', frequency: 'M', level: 6, coverage: 'all' },
  {
    code: 'DVC-024', name: 'Tỷ lệ người dùng dịch vụ công trực tuyến được định danh, xác thực điện tử', measure: '%', kind: 'rate', frequency: 'M',
    level: 0.8, coverage: 'province', source: NATIONAL_PORTAL,
  },
  { code: 'DVC-025', name: 'Tỷ lệ người dân sử dụng dịch vụ công trực tuyến tại nhà', measure: '%', kind: 'rate', frequency: 'M', level: 0.35, coverage: 'all' },

  // ── Cải cách hành chính ──
  {
    code: 'CCH-001', name: 'Thứ hạng Chỉ số cải cách hành chính (PAR Index) trong 63 tỉnh, thành phố', measure: 'thứ hạng', kind: 'rank', frequency: 'Y',
    level: 10, coverage: 'none', source: 'Bộ Nội vụ (PAR Index)',
    pinned: [{ unitId: P, period: '2021', value: 22 }, { unitId: P, period: '2022', value: 4 }],
  },
  {
    code: 'CCH-002', name: 'Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS)', measure: '%', kind: 'level',
    frequency: 'Y', level: 0.85, coverage: 'none', source: 'Bộ Nội vụ (SIPAS)', pinned: [{ unitId: P, period: '2022', value: 0.8552 }],
  },
  { code: 'CCH-003', name: 'Tỷ lệ văn bản điện tử có ký số gửi, nhận trên môi trường mạng', measure: '%', kind: 'rate', frequency: 'M', level: 0.9, coverage: 'all' },
  { code: 'CCH-004', name: 'Tỷ lệ cán bộ, công chức được cấp chữ ký số chuyên dùng', measure: '%', kind: 'rate', frequency: 'M', level: 0.85, coverage: 'all' },
  { code: 'CCH-005', name: 'Tỷ lệ cơ quan, đơn vị sử dụng hệ thống quản lý văn bản và điều hành', measure: '%', kind: 'rate', frequency: 'M', level: 0.95, coverage: 'all' },
  { code: 'CCH-006', name: 'Tỷ lệ xã, phường, thị trấn có phòng họp trực tuyến', measure: '%', kind: 'rate', frequency: 'Q', level: 0.9, coverage: 'all' },
  { code: 'CCH-007', name: 'Chỉ số hài lòng của người dân về đô thị thông minh', measure: 'điểm', kind: 'score', frequency: 'Y', level: 75, coverage: 'none' },

  // ── Nội vụ ──
  {
    // 1,711 civil servants (biên chế): DOMAIN.md names no year; taken as 2023.
    code: 'NVU-001', name: 'Số biên chế công chức được giao', measure: 'người', kind: 'level', frequency: 'Y', level: 1711, coverage: 'none',
    pinned: [{ unitId: P, period: '2023', value: 1711 }],
  },

  // ── Thông tin truyền thông, chuyển đổi số ──
  {
    // DTI 2022: rank 19 of 63, +3 on 2021, so 22 in 2021.
    code: 'CDS-001', name: 'Thứ hạng Chỉ số chuyển đổi số cấp tỉnh (DTI) trong 63 tỉnh, thành phố', measure: 'thứ hạng', kind: 'rank', frequency: 'Y',
    level: 20, coverage: 'none', source: 'Bộ Thông tin và Truyền thông (DTI)',
    pinned: [{ unitId: P, period: '2021', value: 22 }, { unitId: P, period: '2022', value: 19 }],
  },
  // Digital-society figures (82%, 89%, 586 teams, 3,329 members): DOMAIN.md names no date; taken as 2023-Q4.
  {
    code: 'CDS-002', name: 'Tỷ lệ người trưởng thành có tài khoản giao dịch tại ngân hàng', measure: '%', kind: 'rate', frequency: 'Q', level: 0.8, coverage: 'all',
    pinned: [{ unitId: P, period: '2023-Q4', value: 0.82 }],
  },
  {
    code: 'CDS-003', name: 'Tỷ lệ người trưởng thành có kỹ năng số cơ bản', measure: '%', kind: 'rate', frequency: 'Q', level: 0.86, coverage: 'all',
    pinned: [{ unitId: P, period: '2023-Q4', value: 0.89 }],
  },
  {
    code: 'CDS-004', name: 'Số tổ công nghệ số cộng đồng', measure: 'tổ', kind: 'count', frequency: 'Q', level: 195, coverage: 'all',
    pinned: [{ unitId: P, period: '2023-Q4', value: 586 }],
  },
  {
    code: 'CDS-005', name: 'Số thành viên tổ công nghệ số cộng đồng', measure: 'người', kind: 'count', frequency: 'Q', level: 1100, coverage: 'all',
    pinned: [{ unitId: P, period: '2023-Q4', value: 3329 }],
  },
  { code: 'CDS-006', name: 'Số phân hệ kết nối Trung tâm điều hành thông minh (IOC)', measure: 'phân hệ', kind: 'level', frequency: 'M', level: 30, coverage: 'all' },
  { code: 'CDS-007', name: 'Tỷ lệ hộ gia đình có đường Internet cáp quang băng rộng', measure: '%', kind: 'rate', frequency: 'Q', level: 0.85, coverage: 'all' },
  { code: 'CDS-008', name: 'Tỷ lệ người trưởng thành có điện thoại thông minh', measure: '%', kind: 'rate', frequency: 'Q', level: 0.85, coverage: 'all' },
  { code: 'CDS-009', name: 'Tỷ lệ khu dân cư được phủ sóng 4G', measure: '%', kind: 'rate', frequency: 'Q', level: 0.97, coverage: 'all' },
  { code: 'CDS-010', name: 'Số sự cố an toàn thông tin mạng chưa được khắc phục', measure: 'sự cố', kind: 'countLow', frequency: 'M', level: 12, coverage: 'all' },
  { code: 'CDS-011', name: 'Tỷ trọng kinh tế số trong GRDP', measure: '%', kind: 'rate', frequency: 'Y', level: 0.14, coverage: 'all' },
  { code: 'CDS-012', name: 'Tỷ lệ hộ gia đình có địa chỉ số', measure: '%', kind: 'rate', frequency: 'M', level: 0.3, coverage: 'all' },
  { code: 'CDS-013', name: 'Tỷ lệ người dân được tổ công nghệ số cộng đồng hướng dẫn kỹ năng số', measure: '%', kind: 'rate', frequency: 'M', level: 0.6, coverage: 'all' },
  { code: 'CDS-014', name: 'Số điểm truy cập Wi-Fi công cộng miễn phí', measure: 'điểm', kind: 'count', frequency: 'Q', level: 450, coverage: 'all' },
  { code: 'CDS-015', name: 'Tỷ lệ cơ sở dữ liệu chuyên ngành kết nối kho dữ liệu dùng chung', measure: '%', kind: 'rate', frequency: 'Q', level: 0.45, coverage: 'all' },
  { code: 'CDS-016', name: 'Tỷ lệ dữ liệu mở được công bố theo danh mục', measure: '%', kind: 'rate', frequency: 'Q', level: 0.3, coverage: 'none' },

  // ── Dân cư (Đề án 06) ──
  {
    code: 'DCU-001', name: 'Số tài khoản định danh điện tử kích hoạt trong đợt cao điểm 16–31/3/2023', measure: 'tài khoản', kind: 'count', frequency: 'M',
    level: 126181, coverage: 'none', pinned: [{ unitId: P, period: '2023-03', value: 126181 }],
  },
  {
    code: 'DCU-002', name: 'Tỷ lệ hoàn thành chỉ tiêu kích hoạt định danh điện tử đợt cao điểm 16–31/3/2023', measure: '%', kind: 'rate', frequency: 'M',
    level: 1.2251, coverage: 'none', pinned: [{ unitId: P, period: '2023-03', value: 1.2251 }],
  },
  // Đề án 06 essential services: DOMAIN.md names no period; taken as the year 2023.
  ...deAn06('Công an', 'DCU-003', 11, 32044, 32356, 0.9904),
  ...deAn06('các sở, ngành', 'DCU-007', 14, 4053, 6158, 0.6582),
  { code: 'DCU-011', name: 'Tỷ lệ dân số có tài khoản định danh điện tử mức 2', measure: '%', kind: 'rate', frequency: 'M', level: 0.45, coverage: 'all' },

  // ── Doanh nghiệp ── (counts as of the reference date, as the business subgraph holds them)
  ...[
    ['DNG-001', 'Số doanh nghiệp đã đăng ký', 58000],
    ['DNG-002', 'Số doanh nghiệp đang hoạt động', 43117],
    ['DNG-003', 'Số doanh nghiệp công nghệ số', 8075],
    ['DNG-004', 'Số doanh nghiệp sử dụng nền tảng số', 41162],
  ].map(([code, name, value]) => ({
    code: code as string, name: name as string, measure: 'doanh nghiệp', kind: 'count' as const, frequency: 'M' as const, level: value as number,
    coverage: 'none' as const, pinned: [{ unitId: P, period: LATER, value: value as number }],
  })),
  { code: 'DNG-005', name: 'Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số', measure: '%', kind: 'rate', frequency: 'M', level: 0.5, coverage: 'all' },

  // ── Thuế, Công thương, Giáo dục, Y tế, An ninh, Khoa học, Xây dựng: Bến Cát programme indicators ──
  { code: 'THU-001', name: 'Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử', measure: '%', kind: 'rate', frequency: 'M', level: 0.97, coverage: 'all' },
  { code: 'THU-002', name: 'Tỷ lệ doanh nghiệp nộp thuế điện tử', measure: '%', kind: 'rate', frequency: 'M', level: 0.95, coverage: 'all' },
  { code: 'THU-003', name: 'Tỷ lệ hộ kinh doanh sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền', measure: '%', kind: 'rate', frequency: 'M', level: 0.3, coverage: 'all' },
  { code: 'CTH-001', name: 'Tỷ lệ điểm kinh doanh chấp nhận thanh toán không dùng tiền mặt', measure: '%', kind: 'rate', frequency: 'M', level: 0.45, coverage: 'all' },
  { code: 'CTH-002', name: 'Số sản phẩm OCOP được bán trên sàn thương mại điện tử', measure: 'sản phẩm', kind: 'count', frequency: 'Q', level: 40, coverage: 'none' },
  { code: 'GDU-001', name: 'Tỷ lệ trường học triển khai sổ liên lạc điện tử', measure: '%', kind: 'rate', frequency: 'M', level: 0.8, coverage: 'all' },
  { code: 'YTE-001', name: 'Tỷ lệ trạm y tế triển khai hồ sơ sức khỏe điện tử', measure: '%', kind: 'rate', frequency: 'M', level: 0.85, coverage: 'all' },
  { code: 'ANT-001', name: 'Số camera giám sát an ninh trật tự kết nối Trung tâm IOC', measure: 'camera', kind: 'count', frequency: 'M', level: 2500, coverage: 'all' },
  { code: 'KHC-001', name: 'Tỷ lệ khu công nghiệp ứng dụng giải pháp quản lý thông minh', measure: '%', kind: 'rate', frequency: 'Q', level: 0.3, coverage: 'none' },
  { code: 'XDU-001', name: 'Tỷ lệ đèn chiếu sáng công cộng được điều khiển thông minh', measure: '%', kind: 'rate', frequency: 'Q', level: 0.2, coverage: 'none' },
];

function deAn06(who: string, firstCode: string, services: number, online: number, total: number, rate: number): SpecialIndicatorTemplate[] {
  const n = Number(firstCode.slice(4));
  const code = (i: number) => `DCU-${String(n + i).padStart(3, '0')}`;
  const base = { frequency: 'Y' as const, coverage: 'none' as const, source: 'Đề án 06 (Công an tỉnh)' };
  const year = '2023';
  return [
    { ...base, code: code(0), name: `Số dịch vụ công thiết yếu theo Đề án 06 do ${who} cung cấp`, measure: 'dịch vụ', kind: 'level', level: services, pinned: [{ unitId: P, period: year, value: services }] },
    { ...base, code: code(1), name: `Số hồ sơ dịch vụ công thiết yếu theo Đề án 06 của ${who} nộp trực tuyến`, measure: 'hồ sơ', kind: 'count', level: online, pinned: [{ unitId: P, period: year, value: online }] },
    { ...base, code: code(2), name: `Tổng số hồ sơ dịch vụ công thiết yếu theo Đề án 06 của ${who}`, measure: 'hồ sơ', kind: 'count', level: total, pinned: [{ unitId: P, period: year, value: total }] },
    { ...base, code: code(3), name: `Tỷ lệ hồ sơ dịch vụ công thiết yếu theo Đề án 06 của ${who} nộp trực tuyến`, measure: '%', kind: 'rate', level: rate, pinned: [{ unitId: P, period: year, value: rate }] },
  ];
}
