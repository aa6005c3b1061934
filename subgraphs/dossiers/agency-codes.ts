import { AdministrativeLevel, childrenOf, PROVINCE_ID, unitById, unitsAtLevel } from '../kit';

/**
 * Agency codes in the shape of QCVN 102:2016 (L4.L3.L2.L1): L1 is the province suffix,
 * L2 a unit directly under the province (a department, or a district's one-stop office),
 * L3 a unit under that (a commune under its district). So:
 *   province departments  000.00.NN.<suffix>   NN = the department of the procedure's field
 *   district              000.00.MM.<suffix>   MM = 31..39 (districts 718..726 in order)
 *   commune               000.CC.MM.<suffix>   CC = 01.. (communes of district MM in code order)
 * Every receiving agency has its own code, so a dossier code is unique with a daily
 * sequence per agency.
 */

/** Department (sở, ngành) that receives province-level dossiers of each field. */
const DEPARTMENT_OF_FIELD: Readonly<Record<string, string>> = {
  'Tư pháp': '11',
  'Hộ tịch': '11',
  'Chứng thực': '11',
  'Giáo dục': '13',
  'Lao động': '15',
  'Bảo trợ xã hội': '15',
  'Giao thông vận tải': '16',
  'Xây dựng': '17',
  'Đất đai': '18',
  'Tài nguyên môi trường': '18',
  'Y tế': '20',
  'Đăng ký kinh doanh': '21',
  'Công thương': '22',
  'Nông nghiệp': '23',
  'Văn hóa': '24',
  'Thuế': '25',
  'Đăng ký cư trú': '27',
  'Căn cước': '27',
  'Xuất nhập cảnh': '27',
  'Đăng ký, quản lý phương tiện giao thông': '27',
};

export function isKnownField(field: string): boolean {
  return field in DEPARTMENT_OF_FIELD;
}

const DISTRICT_SEGMENT = new Map(unitsAtLevel(AdministrativeLevel.DISTRICT).map((d, i) => [d.id, String(31 + i)]));
const COMMUNE_SEGMENTS = new Map<string, string>();
for (const [districtId, segment] of DISTRICT_SEGMENT) {
  childrenOf(districtId).forEach((commune, i) => COMMUNE_SEGMENTS.set(commune.id, `${String(i + 1).padStart(2, '0')}.${segment}`));
}

/** The agency code of the office that receives a dossier of `field` at unit `unitId`. */
export function agencyCodeFor(unitId: string, field: string, suffix: string): string {
  const unit = unitById(unitId);
  if (!unit) throw new Error(`No agency code for unknown unit ${unitId}`);
  if (unit.id === PROVINCE_ID) {
    const department = DEPARTMENT_OF_FIELD[field];
    if (!department) throw new Error(`No province department for field "${field}"`);
    return `000.00.${department}.${suffix}`;
  }
  if (unit.level === AdministrativeLevel.DISTRICT) return `000.00.${DISTRICT_SEGMENT.get(unit.id)}.${suffix}`;
  return `000.${COMMUNE_SEGMENTS.get(unit.id)}.${suffix}`;
}

/** A dossier code: agency code, "-YYMMDD-" of the Vietnamese submission day, 4-digit daily sequence. */
export const DOSSIER_CODE_RE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z][A-Z0-9]{2}-\d{6}-\d{4}$/;
export const DOSSIER_CODE_FORMAT = 'agency code, "-YYMMDD-" and a 4-digit daily sequence, e.g. "000.00.21.H09-231204-0042"';

export function dossierCode(agency: string, vnDate: string, sequence: number): string {
  return `${agency}-${vnDate.slice(2, 4)}${vnDate.slice(5, 7)}${vnDate.slice(8, 10)}-${String(sequence).padStart(4, '0')}`;
}

/** National procedure code: one digit, a dot, six digits. */
export const PROCEDURE_CODE_RE = /^\d\.\d{6}$/;
