import type { Random } from '../../kit';
import { LegalForm } from '../entities/enums';

// Vietnamese company names follow "<legal form> <activity words> <brand>", e.g.
// "Công ty TNHH Sản xuất Thương mại Nội thất Minh Phát". Foreign-invested companies
// usually carry a foreign brand and "Việt Nam" or "Vina".

const FORM_PREFIX: Record<LegalForm, string> = {
  [LegalForm.LIMITED_LIABILITY]: 'Công ty TNHH',
  [LegalForm.JOINT_STOCK]: 'Công ty Cổ phần',
  [LegalForm.PRIVATE_ENTERPRISE]: 'Doanh nghiệp tư nhân',
  [LegalForm.PARTNERSHIP]: 'Công ty Hợp danh',
};

/** Words companies put before their trade ("Sản xuất Thương mại Dịch vụ …"). */
const ACTIVITY_PREFIXES: readonly (readonly [string, number])[] = [
  ['', 5],
  ['Sản xuất Thương mại', 3],
  ['Thương mại Dịch vụ', 2],
  ['Sản xuất Thương mại Dịch vụ', 1.5],
  ['Đầu tư', 1],
  ['Đầu tư Phát triển', 0.6],
  ['Kỹ thuật', 0.4],
];

/** Syllables of Vietnamese brand names, chosen for good fortune (Phát, Thịnh, Lộc …). */
const BRAND_SYLLABLES = [
  'An', 'Bảo', 'Bình', 'Châu', 'Đại', 'Đạt', 'Điền', 'Đông', 'Đức', 'Gia', 'Hải', 'Hào', 'Hiệp', 'Hòa', 'Hoàng',
  'Hồng', 'Hưng', 'Hữu', 'Huy', 'Khang', 'Khánh', 'Kim', 'Lâm', 'Lộc', 'Lợi', 'Long', 'Mai', 'Minh', 'Nam', 'Nghĩa',
  'Ngọc', 'Nguyên', 'Nhân', 'Nhật', 'Phát', 'Phong', 'Phú', 'Phúc', 'Phước', 'Quang', 'Quốc', 'Sang', 'Sơn', 'Tài',
  'Tân', 'Thái', 'Thắng', 'Thành', 'Thiên', 'Thịnh', 'Thuận', 'Tiến', 'Toàn', 'Trí', 'Trung', 'Trường', 'Tuấn', 'Uy',
  'Văn', 'Việt', 'Vinh', 'Vĩnh', 'Vạn', 'Xuân', 'Yến',
];

/** Place words some local companies add (Bình Dương, Lái Thiêu, Sóng Thần …). */
const PLACE_SUFFIXES = ['Bình Dương', 'Miền Nam', 'Sài Gòn', 'Việt Nam', 'Lái Thiêu', 'Sóng Thần', 'Mỹ Phước', 'Tân Uyên', 'Thủ Dầu Một', 'Dĩ An'];

/** Parts of foreign brands common among the province's investors (Taiwan, Korea, Japan, China, Singapore). */
const FOREIGN_PARTS = [
  'Shin', 'Hwa', 'Tai', 'Yuan', 'Feng', 'Sung', 'Kyung', 'Ming', 'Chang', 'Hsin', 'Kao', 'Lien', 'Wei', 'Jin', 'Dae',
  'Han', 'Sei', 'Yama', 'Toyo', 'Nishi', 'Kawa', 'Asia', 'Pacific', 'Global', 'Star', 'Grand', 'Tech', 'Tex', 'Wood', 'Prime',
];
const FOREIGN_TRADES: Record<string, string> = {
  C: 'Industrial', F: 'Construction', G: 'Trading', H: 'Logistics', J: 'Technology', L: 'Land', M: 'Consulting',
};

function brand(random: Random): string {
  const first = random.pick(BRAND_SYLLABLES);
  let second = random.pick(BRAND_SYLLABLES);
  while (second === first) second = random.pick(BRAND_SYLLABLES);
  return `${first} ${second}`;
}

function foreignBrand(random: Random, section: string): string {
  const a = random.pick(FOREIGN_PARTS);
  const b = random.pick(FOREIGN_PARTS.filter((p) => p !== a));
  const trade = random.chance(0.5) ? ` ${FOREIGN_TRADES[section] ?? 'International'}` : '';
  return `${a} ${b}${trade}`;
}

/**
 * A realistic company name; `taken` holds the names already given (compared ignoring case),
 * so names stay unique: a clash is retried with a new brand, then with a place suffix.
 */
export function companyName(random: Random, legalForm: LegalForm, foreignInvested: boolean, trade: readonly string[], section: string, taken: Set<string>): string {
  const prefix = FORM_PREFIX[legalForm];
  for (let attempt = 0; ; attempt += 1) {
    let name: string;
    if (foreignInvested) {
      name = `${prefix} ${foreignBrand(random, section)} ${random.chance(0.7) ? 'Việt Nam' : 'Vina'}`;
    } else {
      const activity = legalForm === LegalForm.PRIVATE_ENTERPRISE ? '' : random.weighted(ACTIVITY_PREFIXES);
      const words = [prefix, activity, random.pick(trade), brand(random)].filter(Boolean).join(' ');
      name = attempt > 3 || random.chance(0.12) ? `${words} ${random.pick(PLACE_SUFFIXES)}` : words;
    }
    if (attempt > 20) name = `${name} ${attempt}`;
    const key = name.toLocaleLowerCase('vi');
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
}
