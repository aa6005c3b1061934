/**
 * The procedure catalogue the seed draws from: real procedure names of the national
 * catalogue (Cơ sở dữ liệu quốc gia về thủ tục hành chính) as applied at province, district
 * and commune level, grouped by field (lĩnh vực). Codes, online levels and dossier volumes
 * are assigned in procedures.ts; this file only says what exists and how it is used.
 */

export type Level = 'P' | 'D' | 'C';
/** Relative dossier volume of a procedure (see VOLUME_WEIGHT). */
export type Volume = 'veryHigh' | 'high' | 'medium' | 'low' | 'rare';
/** Who applies: a citizen, an enterprise, or either (then mostly citizens). */
export type ApplicantKind = 'citizen' | 'business' | 'either';
/** Đề án 06 essential services: 11 run by the police, 14 by departments (sở, ngành). */
export type EssentialGroup = 'police' | 'department';
/** A fixed online level; otherwise procedures.ts picks one to reach the published share. */
export type OnlineHint = 'FULL' | 'PARTIAL' | 'NONE';

export interface ProcedureSpec {
  name: string;
  field: string;
  level: Level;
  feeVnd: number;
  processingDays: number;
  volume: Volume;
  applicant: ApplicantKind;
  essential?: EssentialGroup;
  online?: OnlineHint;
}

export const VOLUME_WEIGHT: Readonly<Record<Volume, number>> = { veryHigh: 100, high: 30, medium: 8, low: 2, rare: 0.4 };

type Row = [name: string, level: Level, feeVnd: number, processingDays: number, volume: Volume, applicant?: ApplicantKind, online?: OnlineHint];

function rows(field: string, list: Row[], essential?: EssentialGroup): ProcedureSpec[] {
  return list.map(([name, level, feeVnd, processingDays, volume, applicant = 'citizen', online]) => ({
    name,
    field,
    level,
    feeVnd,
    processingDays,
    volume,
    applicant,
    ...(essential ? { essential } : {}),
    ...(online ? { online } : {}),
  }));
}

// ── Đề án 06 essential services ──────────────────────────────────────────────

const POLICE_ESSENTIAL: ProcedureSpec[] = [
  ...rows('Đăng ký cư trú', [
    ['Đăng ký thường trú', 'C', 20_000, 7, 'high', 'citizen', 'FULL'],
    ['Đăng ký tạm trú', 'C', 15_000, 3, 'high', 'citizen', 'FULL'],
    ['Khai báo tạm vắng', 'C', 0, 1, 'medium', 'citizen', 'FULL'],
    ['Thông báo lưu trú', 'C', 0, 1, 'veryHigh', 'citizen', 'FULL'],
    ['Tách hộ', 'C', 10_000, 3, 'medium', 'citizen', 'FULL'],
    ['Xác nhận thông tin về cư trú', 'C', 0, 1, 'high', 'citizen', 'FULL'],
  ], 'police'),
  ...rows('Căn cước', [
    ['Cấp đổi thẻ Căn cước', 'D', 30_000, 7, 'high', 'citizen', 'PARTIAL'],
    ['Cấp lại thẻ Căn cước', 'D', 50_000, 7, 'medium', 'citizen', 'PARTIAL'],
    ['Xác nhận số Chứng minh nhân dân, số định danh cá nhân', 'D', 0, 3, 'medium', 'citizen', 'FULL'],
  ], 'police'),
  ...rows('Xuất nhập cảnh', [['Cấp hộ chiếu phổ thông ở trong nước', 'P', 200_000, 8, 'high', 'citizen', 'FULL']], 'police'),
  ...rows('Đăng ký, quản lý phương tiện giao thông', [['Đăng ký, cấp biển số xe lần đầu', 'D', 150_000, 2, 'high', 'citizen', 'PARTIAL']], 'police'),
];

const DEPARTMENT_ESSENTIAL: ProcedureSpec[] = [
  ...rows('Hộ tịch', [
    ['Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 'C', 0, 5, 'medium', 'citizen', 'FULL'],
    ['Liên thông thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất', 'C', 0, 10, 'low', 'citizen', 'FULL'],
    ['Đăng ký kết hôn', 'C', 0, 1, 'high', 'citizen', 'PARTIAL'],
    ['Cấp Giấy xác nhận tình trạng hôn nhân', 'C', 0, 3, 'high', 'citizen', 'FULL'],
  ], 'department'),
  ...rows('Tư pháp', [['Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', 'P', 200_000, 10, 'high', 'citizen', 'FULL']], 'department'),
  ...rows('Giao thông vận tải', [
    ['Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp', 'P', 135_000, 5, 'high', 'citizen', 'FULL'],
    ['Cấp lại giấy phép lái xe', 'P', 135_000, 10, 'medium', 'citizen', 'PARTIAL'],
  ], 'department'),
  ...rows('Đăng ký kinh doanh', [
    ['Đăng ký thành lập hộ kinh doanh', 'D', 100_000, 3, 'high', 'citizen', 'FULL'],
    ['Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', 'P', 50_000, 3, 'high', 'citizen', 'FULL'],
  ], 'department'),
  ...rows('Đất đai', [['Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'D', 100_000, 10, 'veryHigh', 'citizen', 'PARTIAL']], 'department'),
  ...rows('Xây dựng', [['Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'D', 75_000, 15, 'high', 'citizen', 'PARTIAL']], 'department'),
  ...rows('Lao động', [['Giải quyết hưởng trợ cấp thất nghiệp', 'P', 0, 20, 'high', 'citizen', 'FULL']], 'department'),
  ...rows('Y tế', [['Cấp giấy khám sức khỏe cho người lái xe', 'P', 0, 1, 'medium', 'citizen', 'FULL']], 'department'),
  ...rows('Thuế', [['Khai, nộp lệ phí trước bạ nhà, đất', 'D', 0, 3, 'high', 'citizen', 'FULL']], 'department'),
];

// ── Other procedures, by field ───────────────────────────────────────────────

const HO_TICH = rows('Hộ tịch', [
  ['Đăng ký khai sinh', 'C', 0, 1, 'veryHigh'],
  ['Đăng ký khai tử', 'C', 0, 1, 'high'],
  ['Đăng ký nhận cha, mẹ, con', 'C', 0, 3, 'low'],
  ['Đăng ký khai sinh kết hợp nhận cha, mẹ, con', 'C', 0, 3, 'low'],
  ['Đăng ký giám hộ', 'C', 0, 3, 'rare'],
  ['Đăng ký chấm dứt giám hộ', 'C', 0, 2, 'rare'],
  ['Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'C', 5_000, 3, 'medium'],
  ['Đăng ký lại khai sinh', 'C', 0, 5, 'low'],
  ['Đăng ký lại kết hôn', 'C', 0, 5, 'rare'],
  ['Đăng ký lại khai tử', 'C', 0, 5, 'rare'],
  ['Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân', 'C', 0, 3, 'low'],
  ['Cấp bản sao Trích lục hộ tịch', 'C', 8_000, 1, 'high'],
  ['Đăng ký khai sinh lưu động', 'C', 0, 5, 'rare', 'citizen', 'NONE'],
  ['Đăng ký kết hôn lưu động', 'C', 0, 5, 'rare', 'citizen', 'NONE'],
  ['Đăng ký khai tử lưu động', 'C', 0, 5, 'rare', 'citizen', 'NONE'],
  ['Đăng ký giám sát việc giám hộ', 'C', 0, 3, 'rare'],
  ['Đăng ký khai sinh có yếu tố nước ngoài', 'D', 0, 3, 'low'],
  ['Đăng ký kết hôn có yếu tố nước ngoài', 'D', 1_000_000, 15, 'low'],
  ['Đăng ký khai tử có yếu tố nước ngoài', 'D', 0, 3, 'rare'],
  ['Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài', 'D', 1_000_000, 15, 'rare'],
  ['Đăng ký khai sinh kết hợp nhận cha, mẹ, con có yếu tố nước ngoài', 'D', 1_000_000, 15, 'rare'],
  ['Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc', 'D', 28_000, 3, 'low'],
  ['Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài', 'D', 75_000, 5, 'rare'],
  ['Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài', 'D', 75_000, 5, 'rare'],
  ['Ghi vào Sổ hộ tịch việc hộ tịch khác của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài', 'D', 75_000, 5, 'rare'],
  ['Đăng ký lại khai sinh có yếu tố nước ngoài', 'D', 0, 10, 'rare'],
  ['Đăng ký lại kết hôn có yếu tố nước ngoài', 'D', 1_000_000, 10, 'rare'],
  ['Đăng ký lại khai tử có yếu tố nước ngoài', 'D', 0, 10, 'rare'],
  ['Đăng ký giám hộ có yếu tố nước ngoài', 'D', 0, 3, 'rare'],
  ['Đăng ký chấm dứt giám hộ có yếu tố nước ngoài', 'D', 0, 2, 'rare'],
  ['Cấp bản sao Trích lục hộ tịch có yếu tố nước ngoài', 'D', 8_000, 1, 'low'],
]);

const CHUNG_THUC = rows('Chứng thực', [
  ['Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận', 'C', 2_000, 1, 'veryHigh', 'citizen', 'PARTIAL'],
  ['Chứng thực chữ ký trong các giấy tờ, văn bản', 'C', 10_000, 1, 'high', 'citizen', 'NONE'],
  ['Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở', 'C', 50_000, 2, 'medium', 'citizen', 'NONE'],
  ['Chứng thực di chúc', 'C', 50_000, 2, 'low', 'citizen', 'NONE'],
  ['Chứng thực văn bản từ chối nhận di sản', 'C', 50_000, 2, 'low', 'citizen', 'NONE'],
  ['Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở', 'C', 50_000, 2, 'low', 'citizen', 'NONE'],
  ['Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', 'C', 30_000, 2, 'low'],
  ['Sửa lỗi sai sót trong hợp đồng, giao dịch', 'C', 25_000, 2, 'rare'],
  ['Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực', 'C', 2_000, 1, 'low'],
  ['Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận', 'D', 2_000, 1, 'medium'],
  ['Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật của Phòng Tư pháp', 'D', 10_000, 1, 'medium', 'citizen', 'NONE'],
  ['Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật', 'D', 10_000, 1, 'low', 'citizen', 'NONE'],
  ['Chứng thực chữ ký trong các giấy tờ, văn bản bằng tiếng nước ngoài', 'D', 10_000, 1, 'low', 'citizen', 'NONE'],
  ['Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản', 'D', 50_000, 2, 'low', 'either', 'NONE'],
]);

const TU_PHAP = rows('Tư pháp', [
  ['Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng, cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội', 'P', 0, 10, 'low'],
  ['Thành lập Văn phòng công chứng', 'P', 1_000_000, 20, 'rare'],
  ['Đăng ký hoạt động Văn phòng công chứng', 'P', 1_000_000, 10, 'rare', 'business'],
  ['Đăng ký hành nghề và cấp Thẻ công chứng viên', 'P', 0, 10, 'rare'],
  ['Cấp lại Thẻ công chứng viên', 'P', 0, 5, 'rare'],
  ['Đăng ký tập sự hành nghề công chứng', 'P', 0, 7, 'rare'],
  ['Đăng ký hoạt động của tổ chức hành nghề luật sư', 'P', 100_000, 10, 'rare', 'business'],
  ['Đăng ký hoạt động của Trung tâm tư vấn pháp luật', 'P', 0, 10, 'rare'],
  ['Đăng ký hoạt động Văn phòng Thừa phát lại', 'P', 1_000_000, 10, 'rare', 'business'],
  ['Bổ nhiệm giám định viên tư pháp', 'P', 0, 20, 'rare'],
  ['Thực hiện trợ giúp pháp lý', 'P', 0, 3, 'low'],
  ['Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại', 'D', 0, 30, 'rare'],
  ['Công nhận hòa giải viên', 'C', 0, 5, 'rare'],
  ['Thôi làm hòa giải viên', 'C', 0, 5, 'rare'],
  ['Công nhận tuyên truyền viên pháp luật', 'C', 0, 5, 'rare'],
  ['Thanh toán thù lao cho hòa giải viên', 'C', 0, 5, 'rare'],
]);

/** Enterprise registration: the national catalogue repeats each step per legal form. */
function enterpriseRegistration(): ProcedureSpec[] {
  const forms: [form: string, volume: Volume, capital: string][] = [
    ['doanh nghiệp tư nhân', 'low', 'vốn đầu tư của chủ doanh nghiệp tư nhân'],
    ['công ty trách nhiệm hữu hạn một thành viên', 'high', 'vốn điều lệ của công ty trách nhiệm hữu hạn một thành viên'],
    ['công ty trách nhiệm hữu hạn hai thành viên trở lên', 'medium', 'vốn điều lệ, tỷ lệ phần vốn góp của công ty trách nhiệm hữu hạn hai thành viên trở lên'],
    ['công ty cổ phần', 'medium', 'vốn điều lệ của công ty cổ phần'],
    ['công ty hợp danh', 'rare', 'vốn điều lệ của công ty hợp danh'],
  ];
  const down: Record<Volume, Volume> = { veryHigh: 'high', high: 'medium', medium: 'low', low: 'rare', rare: 'rare' };
  const list: Row[] = [];
  for (const [form, volume, capital] of forms) {
    if (form !== 'công ty trách nhiệm hữu hạn một thành viên') list.push([`Đăng ký thành lập ${form}`, 'P', 50_000, 3, volume, 'citizen']);
    list.push(
      [`Đăng ký thay đổi địa chỉ trụ sở chính của ${form}`, 'P', 50_000, 3, down[volume], 'business'],
      [`Đăng ký thay đổi người đại diện theo pháp luật của ${form}`, 'P', 50_000, 3, down[volume], 'business'],
      [`Đăng ký thay đổi ${capital}`, 'P', 50_000, 3, down[volume], 'business'],
      [`Đăng ký đổi tên ${form}`, 'P', 50_000, 3, down[volume], 'business'],
      [`Thông báo thay đổi ngành, nghề kinh doanh của ${form}`, 'P', 0, 3, down[volume], 'business'],
      [`Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của ${form}`, 'P', 0, 3, down[volume], 'business'],
      [`Giải thể ${form}`, 'P', 0, 5, down[down[volume]], 'business'],
    );
  }
  list.push(
    ['Đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh', 'P', 50_000, 3, 'medium', 'business'],
    ['Chuyển đổi công ty trách nhiệm hữu hạn một thành viên thành công ty cổ phần', 'P', 50_000, 3, 'low', 'business'],
    ['Chuyển đổi doanh nghiệp tư nhân thành công ty trách nhiệm hữu hạn', 'P', 50_000, 3, 'rare', 'business'],
    ['Cấp lại Giấy chứng nhận đăng ký doanh nghiệp', 'P', 50_000, 3, 'low', 'business'],
    ['Cập nhật, bổ sung thông tin trong hồ sơ đăng ký doanh nghiệp', 'P', 0, 3, 'medium', 'business'],
    ['Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'D', 100_000, 3, 'medium', 'citizen'],
    ['Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh', 'D', 0, 3, 'medium', 'citizen'],
    ['Chấm dứt hoạt động hộ kinh doanh', 'D', 0, 3, 'medium', 'citizen'],
    ['Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh', 'D', 100_000, 3, 'low', 'citizen'],
    ['Đăng ký thành lập hợp tác xã', 'D', 100_000, 3, 'rare', 'citizen'],
    ['Đăng ký thay đổi nội dung đăng ký hợp tác xã', 'D', 50_000, 3, 'rare', 'citizen'],
    ['Giải thể tự nguyện hợp tác xã', 'D', 0, 5, 'rare', 'citizen'],
  );
  return rows('Đăng ký kinh doanh', list);
}

const DAT_DAI = rows('Đất đai', [
  ['Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu', 'D', 100_000, 30, 'high'],
  ['Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất', 'D', 50_000, 7, 'medium'],
  ['Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất do bị mất', 'D', 50_000, 10, 'low'],
  ['Đính chính Giấy chứng nhận đã cấp', 'D', 0, 10, 'low'],
  ['Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất', 'D', 80_000, 1, 'veryHigh'],
  ['Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất', 'D', 20_000, 1, 'high'],
  ['Tách thửa hoặc hợp thửa đất', 'D', 100_000, 15, 'high'],
  ['Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với hộ gia đình, cá nhân', 'D', 0, 15, 'medium'],
  ['Đăng ký biến động do đổi tên, thay đổi thông tin về người được cấp Giấy chứng nhận', 'D', 0, 10, 'medium'],
  ['Đăng ký chuyển mục đích sử dụng đất không phải xin phép cơ quan nhà nước có thẩm quyền', 'D', 0, 10, 'low'],
  ['Gia hạn sử dụng đất ngoài khu công nghệ cao, khu kinh tế', 'D', 0, 7, 'low'],
  ['Xác nhận tiếp tục sử dụng đất nông nghiệp của hộ gia đình, cá nhân khi hết hạn sử dụng đất', 'D', 0, 5, 'low'],
  ['Đăng ký xác lập quyền sử dụng hạn chế thửa đất liền kề', 'D', 0, 10, 'rare'],
  ['Cung cấp thông tin, dữ liệu đất đai', 'D', 30_000, 3, 'medium'],
  ['Chuyển đổi quyền sử dụng đất nông nghiệp của hộ gia đình, cá nhân', 'D', 0, 10, 'low'],
  ['Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện', 'D', 0, 45, 'rare', 'citizen', 'NONE'],
  ['Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu cho tổ chức', 'P', 100_000, 30, 'low', 'business'],
  ['Giao đất, cho thuê đất không thông qua đấu giá quyền sử dụng đất', 'P', 0, 20, 'rare', 'business'],
  ['Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với tổ chức', 'P', 0, 15, 'rare', 'business'],
  ['Gia hạn sử dụng đất đối với tổ chức', 'P', 0, 7, 'rare', 'business'],
  ['Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất của tổ chức', 'P', 100_000, 10, 'low', 'business'],
  ['Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp tỉnh', 'P', 0, 60, 'rare', 'either', 'NONE'],
  ['Hòa giải tranh chấp đất đai', 'C', 0, 45, 'low', 'citizen', 'NONE'],
  ['Xác nhận hộ gia đình, cá nhân đang trực tiếp sản xuất nông nghiệp', 'C', 0, 5, 'low'],
]);

const XAY_DUNG = rows('Xây dựng', [
  ['Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ', 'D', 75_000, 15, 'medium'],
  ['Cấp giấy phép di dời đối với nhà ở riêng lẻ', 'D', 75_000, 15, 'rare'],
  ['Điều chỉnh giấy phép xây dựng đối với nhà ở riêng lẻ', 'D', 15_000, 10, 'low'],
  ['Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ', 'D', 10_000, 5, 'low'],
  ['Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ', 'D', 15_000, 5, 'low'],
  ['Cấp giấy phép xây dựng có thời hạn đối với nhà ở riêng lẻ', 'D', 75_000, 15, 'low'],
  ['Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV', 'D', 150_000, 20, 'low', 'either'],
  ['Thẩm định báo cáo kinh tế - kỹ thuật đầu tư xây dựng', 'D', 0, 20, 'rare', 'business'],
  ['Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II', 'P', 150_000, 20, 'low', 'business'],
  ['Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp I, cấp II', 'P', 150_000, 20, 'rare', 'business'],
  ['Điều chỉnh giấy phép xây dựng đối với công trình cấp I, cấp II', 'P', 15_000, 20, 'rare', 'business'],
  ['Gia hạn giấy phép xây dựng đối với công trình cấp I, cấp II', 'P', 15_000, 5, 'rare', 'business'],
  ['Cấp lại giấy phép xây dựng đối với công trình cấp I, cấp II', 'P', 15_000, 5, 'rare', 'business'],
  ['Cấp giấy phép di dời đối với công trình cấp I, cấp II', 'P', 150_000, 20, 'rare', 'business'],
  ['Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở', 'P', 0, 30, 'rare', 'business'],
  ['Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng', 'P', 0, 30, 'rare', 'business'],
  ['Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III', 'P', 300_000, 20, 'low'],
  ['Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III', 'P', 1_000_000, 20, 'rare', 'business'],
  ['Thông báo nhà ở hình thành trong tương lai đủ điều kiện được bán, cho thuê mua', 'P', 0, 15, 'rare', 'business'],
  ['Cấp Giấy chứng nhận quyền sở hữu nhà ở cho người mua nhà ở xã hội', 'P', 0, 30, 'low'],
]);

const GIAO_DUC = rows('Giáo dục', [
  ['Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'P', 0, 1, 'medium'],
  ['Chỉnh sửa nội dung văn bằng, chứng chỉ', 'P', 0, 5, 'low'],
  ['Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở giáo dục nước ngoài cấp', 'P', 0, 20, 'rare'],
  ['Phúc khảo bài thi tốt nghiệp trung học phổ thông', 'P', 0, 15, 'low'],
  ['Chuyển trường đối với học sinh trung học phổ thông', 'P', 0, 3, 'medium'],
  ['Cho phép trường trung học phổ thông hoạt động giáo dục', 'P', 0, 20, 'rare', 'business'],
  ['Thành lập trường trung học phổ thông tư thục', 'P', 0, 20, 'rare', 'business'],
  ['Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục', 'P', 0, 20, 'rare', 'business'],
  ['Cấp giấy phép tổ chức hoạt động dạy thêm, học thêm ngoài nhà trường', 'P', 0, 10, 'low', 'either'],
  ['Xét tặng danh hiệu Nhà giáo Nhân dân, Nhà giáo Ưu tú', 'P', 0, 30, 'rare', 'citizen', 'NONE'],
  ['Chuyển trường đối với học sinh trung học cơ sở', 'D', 0, 3, 'medium'],
  ['Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú', 'D', 0, 15, 'rare'],
  ['Cho phép trường mầm non, trường tiểu học, trường trung học cơ sở hoạt động giáo dục', 'D', 0, 20, 'rare', 'business'],
  ['Thành lập trường mầm non tư thục', 'D', 0, 20, 'rare', 'business'],
  ['Công nhận trường mầm non đạt chuẩn quốc gia', 'D', 0, 30, 'rare', 'citizen', 'NONE'],
  ['Hỗ trợ ăn trưa đối với trẻ em mẫu giáo', 'D', 0, 10, 'low'],
  ['Xét công nhận tốt nghiệp trung học cơ sở', 'D', 0, 10, 'medium'],
  ['Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục', 'C', 0, 20, 'rare', 'either'],
  ['Thành lập nhóm trẻ, lớp mẫu giáo độc lập', 'C', 0, 15, 'rare', 'either'],
  ['Xét, cấp học bổng chính sách', 'D', 0, 10, 'rare'],
]);

const Y_TE = rows('Y tế', [
  ['Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh', 'P', 360_000, 30, 'low'],
  ['Cấp lại chứng chỉ hành nghề khám bệnh, chữa bệnh', 'P', 150_000, 10, 'rare'],
  ['Cấp giấy phép hoạt động đối với phòng khám đa khoa', 'P', 5_700_000, 45, 'rare', 'business'],
  ['Cấp giấy phép hoạt động đối với phòng khám chuyên khoa', 'P', 4_300_000, 45, 'low', 'business'],
  ['Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược đối với nhà thuốc', 'P', 1_000_000, 20, 'low', 'either'],
  ['Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược đối với quầy thuốc', 'P', 1_000_000, 20, 'low', 'either'],
  ['Cấp chứng chỉ hành nghề dược', 'P', 500_000, 20, 'low'],
  ['Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất thực phẩm', 'P', 1_000_000, 15, 'low', 'business'],
  ['Công bố đủ điều kiện thực hiện khám sức khỏe', 'P', 0, 10, 'rare', 'business'],
  ['Cấp giấy xác nhận nội dung quảng cáo thực phẩm', 'P', 1_100_000, 10, 'rare', 'business'],
  ['Tiếp nhận bản tự công bố sản phẩm thực phẩm', 'P', 0, 7, 'low', 'business'],
  ['Cấp giấy phép hoạt động đối với cơ sở dịch vụ thẩm mỹ', 'P', 3_100_000, 30, 'rare', 'business'],
  ['Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống', 'D', 700_000, 15, 'low', 'either'],
  ['Cấp Giấy chứng nhận bệnh nghề nghiệp', 'P', 0, 30, 'rare', 'citizen', 'NONE'],
]);

const GIAO_THONG = rows('Giao thông vận tải', [
  ['Cấp giấy phép lái xe quốc tế', 'P', 135_000, 5, 'low'],
  ['Đổi giấy phép lái xe do ngành Công an cấp', 'P', 135_000, 5, 'low'],
  ['Đổi giấy phép lái xe hoặc bằng lái xe của nước ngoài cấp', 'P', 135_000, 5, 'rare'],
  ['Cấp giấy phép kinh doanh vận tải bằng xe ô tô', 'P', 200_000, 5, 'low', 'business'],
  ['Cấp phù hiệu xe ô tô kinh doanh vận tải', 'P', 0, 2, 'medium', 'business'],
  ['Cấp giấy phép xe tập lái', 'P', 0, 2, 'rare', 'business'],
  ['Cấp giấy phép thi công công trình trên đường bộ đang khai thác', 'P', 0, 7, 'low', 'business'],
  ['Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn trên đường bộ', 'P', 0, 2, 'low', 'business'],
  ['Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ', 'P', 0, 7, 'rare', 'business'],
  ['Cấp Giấy chứng nhận đăng ký phương tiện thủy nội địa lần đầu', 'D', 70_000, 3, 'rare', 'either'],
  ['Xóa Giấy chứng nhận đăng ký phương tiện thủy nội địa', 'D', 0, 3, 'rare', 'either'],
  ['Cấp lại Giấy chứng nhận đăng ký phương tiện thủy nội địa', 'D', 70_000, 3, 'rare', 'either'],
]);

const PHUONG_TIEN = rows('Đăng ký, quản lý phương tiện giao thông', [
  ['Đăng ký sang tên xe trong cùng tỉnh', 'D', 50_000, 2, 'medium'],
  ['Cấp đổi giấy chứng nhận đăng ký xe, biển số xe', 'D', 30_000, 2, 'medium'],
  ['Thu hồi giấy chứng nhận đăng ký xe, biển số xe', 'D', 0, 2, 'medium'],
  ['Đăng ký xe tạm thời', 'D', 50_000, 1, 'low'],
  ['Đăng ký, cấp biển số mô tô, xe gắn máy lần đầu tại Công an cấp xã', 'C', 150_000, 2, 'medium'],
]);

const CU_TRU = rows('Đăng ký cư trú', [
  ['Xóa đăng ký thường trú', 'C', 0, 1, 'medium'],
  ['Xóa đăng ký tạm trú', 'C', 0, 1, 'medium'],
  ['Gia hạn tạm trú', 'C', 15_000, 3, 'medium'],
  ['Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú', 'C', 0, 3, 'medium'],
]);

const CAN_CUOC = rows('Căn cước', [
  ['Cấp thẻ Căn cước cho công dân từ đủ 14 tuổi trở lên', 'D', 0, 7, 'high', 'citizen', 'NONE'],
  ['Cấp thẻ Căn cước cho người dưới 14 tuổi', 'D', 0, 7, 'medium', 'citizen', 'NONE'],
  ['Hủy, xác lập lại số định danh cá nhân', 'D', 0, 7, 'rare'],
  ['Cấp đổi, cấp lại thẻ Căn cước tại Công an cấp tỉnh', 'P', 30_000, 7, 'medium'],
  ['Cấp giấy chứng nhận căn cước', 'P', 0, 15, 'rare'],
]);

const XUAT_NHAP_CANH = rows('Xuất nhập cảnh', [
  ['Cấp hộ chiếu phổ thông không gắn chíp điện tử ở trong nước', 'P', 200_000, 8, 'low'],
  ['Trình báo mất hộ chiếu phổ thông', 'P', 0, 1, 'low'],
  ['Khôi phục giá trị sử dụng hộ chiếu phổ thông', 'P', 100_000, 5, 'rare'],
  ['Cấp thị thực cho người nước ngoài tại Việt Nam', 'P', 575_000, 5, 'low', 'either'],
  ['Cấp thẻ tạm trú cho người nước ngoài tại Việt Nam', 'P', 3_400_000, 5, 'low', 'either'],
  ['Gia hạn tạm trú cho người nước ngoài tại Việt Nam', 'P', 240_000, 5, 'low', 'either'],
]);

const LAO_DONG = rows('Lao động', [
  ['Tạm dừng hưởng trợ cấp thất nghiệp', 'P', 0, 3, 'medium'],
  ['Tiếp tục hưởng trợ cấp thất nghiệp', 'P', 0, 3, 'low'],
  ['Chấm dứt hưởng trợ cấp thất nghiệp', 'P', 0, 3, 'low'],
  ['Chuyển nơi hưởng trợ cấp thất nghiệp', 'P', 0, 5, 'low'],
  ['Hỗ trợ học nghề cho người đang hưởng trợ cấp thất nghiệp', 'P', 0, 15, 'low'],
  ['Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam', 'P', 600_000, 5, 'medium', 'business'],
  ['Cấp lại giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam', 'P', 450_000, 3, 'low', 'business'],
  ['Gia hạn giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam', 'P', 450_000, 5, 'low', 'business'],
  ['Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động', 'P', 0, 3, 'low', 'business'],
  ['Báo cáo giải trình nhu cầu, thay đổi nhu cầu sử dụng người lao động nước ngoài', 'P', 0, 10, 'medium', 'business'],
  ['Đăng ký nội quy lao động của doanh nghiệp', 'P', 0, 7, 'low', 'business'],
  ['Cấp giấy phép hoạt động cho thuê lại lao động', 'P', 0, 20, 'rare', 'business'],
  ['Đăng ký hợp đồng nhận lao động thực tập dưới 90 ngày', 'P', 0, 5, 'rare', 'business'],
]);

const BAO_TRO_XA_HOI = rows('Bảo trợ xã hội', [
  ['Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng', 'C', 0, 17, 'medium'],
  ['Chi trả trợ cấp xã hội hằng tháng khi đối tượng thay đổi nơi cư trú', 'C', 0, 10, 'low'],
  ['Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở', 'C', 0, 10, 'low'],
  ['Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', 'C', 0, 5, 'low'],
  ['Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', 'C', 0, 30, 'medium'],
  ['Đổi, cấp lại Giấy xác nhận khuyết tật', 'C', 0, 5, 'low'],
  ['Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm', 'C', 0, 15, 'low'],
  ['Công nhận hộ thoát nghèo, hộ thoát cận nghèo trong năm', 'C', 0, 15, 'low'],
  ['Đăng ký nhận chăm sóc, nuôi dưỡng đối tượng cần bảo vệ khẩn cấp', 'C', 0, 5, 'rare'],
  ['Giải quyết chế độ trợ cấp một lần đối với người có thành tích tham gia kháng chiến được tặng bằng khen', 'C', 0, 20, 'rare', 'citizen', 'NONE'],
  ['Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền của Phòng Lao động - Thương binh và Xã hội', 'D', 0, 15, 'rare'],
  ['Đăng ký hoạt động đối với cơ sở trợ giúp xã hội dưới 10 đối tượng có hoàn cảnh khó khăn', 'D', 0, 5, 'rare'],
]);

const THUE = rows('Thuế', [
  ['Đăng ký thuế lần đầu đối với tổ chức kinh doanh', 'P', 0, 3, 'low', 'business'],
  ['Quyết toán thuế thu nhập cá nhân đối với cá nhân trực tiếp quyết toán với cơ quan thuế', 'P', 0, 3, 'medium'],
  ['Hoàn thuế thu nhập cá nhân', 'P', 0, 6, 'low'],
  ['Đăng ký sử dụng hóa đơn điện tử', 'P', 0, 1, 'medium', 'business'],
  ['Đề nghị hoàn thuế giá trị gia tăng', 'P', 0, 6, 'low', 'business'],
  ['Gia hạn nộp thuế', 'P', 0, 10, 'rare', 'business'],
  ['Miễn, giảm tiền thuê đất', 'P', 0, 15, 'rare', 'business'],
  ['Xác nhận việc thực hiện nghĩa vụ thuế', 'P', 0, 3, 'low', 'business'],
  ['Khai lệ phí trước bạ đối với tài sản là ô tô, xe máy', 'D', 0, 1, 'high'],
  ['Đăng ký thuế lần đầu đối với hộ kinh doanh, cá nhân kinh doanh', 'D', 0, 3, 'medium'],
  ['Khai thuế đối với hộ kinh doanh nộp thuế theo phương pháp khoán', 'D', 0, 3, 'medium'],
  ['Miễn, giảm thuế sử dụng đất phi nông nghiệp', 'D', 0, 10, 'low'],
  ['Khai thuế thu nhập cá nhân đối với chuyển nhượng bất động sản', 'D', 0, 3, 'high'],
]);

const TAI_NGUYEN_MOI_TRUONG = rows('Tài nguyên môi trường', [
  ['Cấp giấy phép môi trường thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh', 'P', 0, 30, 'low', 'business'],
  ['Thẩm định báo cáo đánh giá tác động môi trường', 'P', 0, 45, 'rare', 'business'],
  ['Cấp giấy phép khai thác, sử dụng nước dưới đất', 'P', 1_200_000, 30, 'low', 'business'],
  ['Cấp giấy phép xả nước thải vào nguồn nước', 'P', 1_200_000, 30, 'low', 'business'],
  ['Gia hạn, điều chỉnh giấy phép khai thác, sử dụng nước dưới đất', 'P', 600_000, 25, 'rare', 'business'],
  ['Cấp giấy phép thăm dò khoáng sản', 'P', 4_000_000, 60, 'rare', 'business'],
  ['Cấp giấy phép khai thác khoáng sản', 'P', 10_000_000, 60, 'rare', 'business'],
  ['Cấp giấy phép hành nghề khoan nước dưới đất quy mô vừa và nhỏ', 'P', 800_000, 10, 'rare', 'business'],
  ['Cấp giấy phép môi trường thuộc thẩm quyền của Ủy ban nhân dân cấp huyện', 'D', 0, 20, 'rare', 'business'],
  ['Đăng ký môi trường', 'C', 0, 5, 'low', 'either'],
]);

const CONG_THUONG = rows('Công thương', [
  ['Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', 'P', 1_200_000, 20, 'rare', 'business'],
  ['Cấp Giấy phép bán buôn sản phẩm thuốc lá', 'P', 1_200_000, 15, 'rare', 'business'],
  ['Cấp Giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài', 'P', 0, 10, 'rare', 'business'],
  ['Cấp Giấy chứng nhận đủ điều kiện sản xuất hóa chất sản xuất, kinh doanh có điều kiện', 'P', 1_200_000, 12, 'rare', 'business'],
  ['Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi', 'P', 0, 5, 'medium', 'business'],
  ['Thông báo thực hiện khuyến mại', 'P', 0, 1, 'high', 'business'],
  ['Cấp Giấy xác nhận đủ điều kiện làm tổng đại lý kinh doanh xăng dầu', 'P', 1_200_000, 20, 'rare', 'business'],
  ['Cấp Giấy phép bán lẻ rượu', 'D', 1_200_000, 10, 'low', 'either'],
  ['Cấp Giấy phép bán lẻ sản phẩm thuốc lá', 'D', 1_200_000, 10, 'low', 'either'],
  ['Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh', 'D', 1_200_000, 10, 'rare', 'either'],
  ['Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm thuộc thẩm quyền của Phòng Kinh tế', 'D', 700_000, 15, 'rare', 'either'],
]);

const NONG_NGHIEP = rows('Nông nghiệp', [
  ['Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', 'P', 500_000, 15, 'low', 'either'],
  ['Cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón', 'P', 500_000, 15, 'low', 'either'],
  ['Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh', 'P', 0, 1, 'medium', 'business'],
  ['Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản', 'P', 700_000, 15, 'low', 'business'],
  ['Cấp Giấy chứng nhận cơ sở an toàn dịch bệnh động vật', 'P', 0, 15, 'rare', 'business'],
  ['Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai', 'D', 0, 10, 'rare'],
  ['Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do dịch bệnh', 'C', 0, 10, 'rare'],
  ['Đăng ký kê khai số lượng chăn nuôi tập trung và nuôi trồng thủy sản ban đầu', 'C', 0, 5, 'rare'],
  ['Xác nhận nguồn gốc gỗ, lâm sản', 'C', 0, 3, 'rare', 'either'],
]);

const VAN_HOA = rows('Văn hóa', [
  ['Thông báo tổ chức biểu diễn nghệ thuật', 'P', 0, 5, 'low', 'business'],
  ['Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa', 'P', 3_000_000, 10, 'rare', 'business'],
  ['Công nhận hạng cơ sở lưu trú du lịch', 'P', 1_500_000, 30, 'rare', 'business'],
  ['Cấp giấy phép tổ chức triển lãm', 'P', 0, 7, 'rare', 'either'],
  ['Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao', 'P', 500_000, 7, 'low', 'business'],
  ['Cấp giấy phép nhập khẩu văn hóa phẩm không nhằm mục đích kinh doanh', 'P', 0, 7, 'rare'],
  ['Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke', 'D', 4_000_000, 5, 'low', 'either'],
  ['Đăng ký hoạt động thư viện tư nhân có phục vụ cộng đồng', 'D', 0, 5, 'rare'],
  ['Thông báo tổ chức lễ hội cấp xã', 'C', 0, 5, 'rare'],
  ['Xét tặng danh hiệu Gia đình văn hóa hằng năm', 'C', 0, 10, 'low', 'citizen', 'NONE'],
]);

/** Every procedure, essential services first; names are unique within a level. */
export const PROCEDURE_SPECS: readonly ProcedureSpec[] = [
  ...POLICE_ESSENTIAL,
  ...DEPARTMENT_ESSENTIAL,
  ...HO_TICH,
  ...CHUNG_THUC,
  ...TU_PHAP,
  ...enterpriseRegistration(),
  ...DAT_DAI,
  ...XAY_DUNG,
  ...GIAO_DUC,
  ...Y_TE,
  ...GIAO_THONG,
  ...PHUONG_TIEN,
  ...CU_TRU,
  ...CAN_CUOC,
  ...XUAT_NHAP_CANH,
  ...LAO_DONG,
  ...BAO_TRO_XA_HOI,
  ...THUE,
  ...TAI_NGUYEN_MOI_TRUONG,
  ...CONG_THUONG,
  ...NONG_NGHIEP,
  ...VAN_HOA,
];
