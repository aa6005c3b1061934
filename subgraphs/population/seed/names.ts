import { Gender } from '../entities/gender';

// Name lists for the synthetic residents. Surname shares are the national ones from
// DOMAIN.md, with the Huỳnh/Hoàng and Võ/Vũ pairs split the southern way (Huỳnh and Võ
// far ahead); the remaining ~11% go to other common surnames.

export type Weighted<T> = readonly (readonly [T, number])[];

export const KINH_SURNAMES: Weighted<string> = [
  ['Nguyễn', 38.4], ['Trần', 11.0], ['Lê', 9.5], ['Phạm', 7.1],
  ['Huỳnh', 4.1], ['Hoàng', 1.0],
  ['Phan', 4.5],
  ['Võ', 3.2], ['Vũ', 0.7],
  ['Đặng', 2.1], ['Bùi', 2.0], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1.0], ['Lý', 0.5],
  ['Trương', 1.2], ['Đinh', 1.0], ['Mai', 0.9], ['Lâm', 0.9], ['Đoàn', 0.8], ['Cao', 0.7], ['Lưu', 0.6],
  ['Châu', 0.6], ['Tô', 0.5], ['Thái', 0.5], ['Lương', 0.5], ['Tạ', 0.4], ['Hà', 0.5], ['Văn', 0.3],
  ['Kiều', 0.3], ['La', 0.3], ['Quách', 0.3], ['Trịnh', 0.5],
];

/** Surnames typical of the minority groups present in the province. */
export const MINORITY_SURNAMES: Readonly<Record<string, readonly string[]>> = {
  Hoa: ['Lâm', 'Lý', 'Trương', 'Quách', 'Châu', 'Mã', 'Tăng', 'Lưu', 'Hứa', 'Diệp'],
  Khmer: ['Thạch', 'Sơn', 'Danh', 'Kim', 'Lâm', 'Chau'],
  Tày: ['Hoàng', 'Nông', 'Ma', 'Lộc', 'Hà', 'Triệu', 'Vi'],
  Nùng: ['Hoàng', 'Nông', 'Lục', 'Vi', 'Lăng', 'Triệu'],
  Mường: ['Bùi', 'Đinh', 'Quách', 'Hà', 'Xa'],
  Chăm: ['Đàng', 'Thập', 'Quảng', 'Châu', 'Từ'],
  Thái: ['Lò', 'Lường', 'Quàng', 'Cầm', 'Vi'],
  Xtiêng: ['Điểu', 'Thị', 'Lâm'],
  Dao: ['Triệu', 'Bàn', 'Đặng', 'Lý'],
  'Sán Dìu': ['Diệp', 'Tạ', 'Lam', 'Trương'],
};

export const MIDDLE_NAMES: Readonly<Record<Gender, Weighted<string>>> = {
  [Gender.MALE]: [['Văn', 40], ['Minh', 15], ['Quốc', 10], ['Thanh', 10], ['Hoàng', 8], ['Đức', 8], ['Hữu', 9]],
  [Gender.FEMALE]: [['Thị', 45], ['Ngọc', 15], ['Thanh', 10], ['Thu', 8], ['Kim', 8], ['Mỹ', 7], ['Thùy', 7]],
};

export const GIVEN_NAMES: Readonly<Record<Gender, readonly string[]>> = {
  [Gender.MALE]: [
    'An', 'Anh', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Định', 'Đông', 'Hải', 'Hậu', 'Hiếu', 'Hòa', 'Hùng', 'Hưng',
    'Huy', 'Khang', 'Khánh', 'Khoa', 'Kiệt', 'Lâm', 'Linh', 'Lộc', 'Long', 'Luân', 'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phát',
    'Phong', 'Phúc', 'Phước', 'Quang', 'Quân', 'Sang', 'Sơn', 'Tài', 'Tâm', 'Tấn', 'Thắng', 'Thành', 'Thiện', 'Thịnh',
    'Thông', 'Tiến', 'Tín', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ',
  ],
  [Gender.FEMALE]: [
    'An', 'Anh', 'Châu', 'Chi', 'Diễm', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hân', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng',
    'Hương', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhi', 'Nhung', 'Oanh', 'Phương',
    'Quyên', 'Quỳnh', 'Tâm', 'Thảo', 'Thơ', 'Thu', 'Thúy', 'Thư', 'Tiên', 'Trang', 'Trâm', 'Trinh', 'Tuyết', 'Uyên',
    'Vân', 'Vy', 'Xuân', 'Yến',
  ],
};

/** Ethnic groups (dân tộc) of the province's residents: Kinh about 95%. */
export const ETHNICITIES: Weighted<string> = [
  ['Kinh', 95.0], ['Hoa', 1.9], ['Khmer', 1.1], ['Tày', 0.5], ['Nùng', 0.45], ['Mường', 0.3],
  ['Chăm', 0.15], ['Thái', 0.15], ['Xtiêng', 0.15], ['Dao', 0.1], ['Sán Dìu', 0.05],
];

/**
 * GSO province codes of birth registration for residents born outside Bình Dương (074),
 * weighted by how often each sends migrants to the province's industrial parks.
 */
export const MIGRANT_ORIGINS: Weighted<string> = [
  ['079', 8], // Hồ Chí Minh City
  ['038', 7], // Thanh Hóa
  ['040', 7], // Nghệ An
  ['042', 4], // Hà Tĩnh
  ['044', 3], // Quảng Bình
  ['045', 2], // Quảng Trị
  ['046', 2], // Thừa Thiên Huế
  ['049', 3], // Quảng Nam
  ['051', 4], // Quảng Ngãi
  ['052', 4], // Bình Định
  ['054', 2], // Phú Yên
  ['036', 3], // Nam Định
  ['034', 3], // Thái Bình
  ['037', 2], // Ninh Bình
  ['066', 3], // Đắk Lắk
  ['064', 2], // Gia Lai
  ['068', 2], // Lâm Đồng
  ['070', 4], // Bình Phước
  ['072', 3], // Tây Ninh
  ['075', 3], // Đồng Nai
  ['080', 3], // Long An
  ['082', 3], // Tiền Giang
  ['083', 3], // Bến Tre
  ['084', 3], // Trà Vinh
  ['086', 3], // Vĩnh Long
  ['087', 4], // Đồng Tháp
  ['089', 5], // An Giang
  ['091', 3], // Kiên Giang
  ['092', 2], // Cần Thơ
  ['093', 2], // Hậu Giang
  ['094', 3], // Sóc Trăng
  ['095', 2], // Bạc Liêu
  ['096', 3], // Cà Mau
  ['001', 2], // Hà Nội
];

/** Where migrants of a minority group usually come from (GSO province codes). */
export const MINORITY_ORIGINS: Readonly<Record<string, readonly string[]>> = {
  Hoa: ['079', '092'],
  Khmer: ['084', '094', '091', '089'],
  Tày: ['020', '004', '008'],
  Nùng: ['020', '004'],
  Mường: ['017', '038'],
  Chăm: ['089', '058'],
  Thái: ['014', '040'],
  Xtiêng: ['070'],
  Dao: ['008', '010'],
  'Sán Dìu': ['019', '026'],
};
