import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './project-root';
import { AdministrativeLevel } from './shared-types';

/**
 * The province's administrative units in force 2022–2024 (province 74, its 9 districts and
 * 91 communes), read from the national list shipped in `data/`. Every subgraph places its
 * rows at these units, so the hierarchy lives here once.
 */
export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  level: AdministrativeLevel;
  parentId: string | null;
  /** Kind of commune-level unit: phuong (ward), thi_tran (township), xa (commune). */
  communeType?: 'phuong' | 'thi_tran' | 'xa';
  validFrom: string;
  validTo: string | null;
}

export const PROVINCE_ID = '74';
/** Units of this list are taken as in force from the 2020 reorganisation of the province's towns into cities. */
export const UNITS_VALID_FROM = '2020-02-01';
/** The province merged into Ho Chi Minh City on 2025-07-01. */
export const UNITS_VALID_TO = '2025-06-30';

/** Population shares by district (2024), from the provincial statistics. */
export const DISTRICT_POPULATION_SHARES: Readonly<Record<string, number>> = {
  '725': 0.246, // Thuận An
  '724': 0.196, // Dĩ An
  '723': 0.153, // Tân Uyên
  '718': 0.133, // Thủ Dầu Một
  '721': 0.125, // Bến Cát
  '720': 0.046, // Dầu Tiếng
  '719': 0.038, // Bàu Bàng
  '722': 0.037, // Phú Giáo
  '726': 0.027, // Bắc Tân Uyên
};

const CSV_FILE = path.join(projectRoot(), 'subgraphs', 'kit', 'data', 'binhduong-units-2025.csv');

function parseCsvLine(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

/** The rows of the national list (header skipped), one array of column values per old commune. */
export function unitListRows(): string[][] {
  return readFileSync(CSV_FILE, 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map(parseCsvLine);
}

function loadUnits(): UnitRecord[] {
  const rows = unitListRows();
  const base = { validFrom: UNITS_VALID_FROM, validTo: UNITS_VALID_TO };
  const units: UnitRecord[] = [
    { id: PROVINCE_ID, code: PROVINCE_ID, name: 'Tỉnh Bình Dương', level: AdministrativeLevel.PROVINCE, parentId: null, ...base },
  ];
  const districts = new Map<string, string>();
  const communes: UnitRecord[] = [];
  for (const [code, name, type, districtCode, districtName] of rows) {
    districts.set(districtCode, districtName);
    communes.push({ id: code, code, name, level: AdministrativeLevel.COMMUNE, parentId: districtCode, communeType: type as UnitRecord['communeType'], ...base });
  }
  for (const [code, name] of [...districts].sort()) {
    units.push({ id: code, code, name, level: AdministrativeLevel.DISTRICT, parentId: PROVINCE_ID, ...base });
  }
  return [...units, ...communes.sort((a, b) => a.id.localeCompare(b.id))];
}

const UNITS = loadUnits();
const BY_ID = new Map(UNITS.map((u) => [u.id, u]));
const CHILDREN = new Map<string, UnitRecord[]>();
for (const unit of UNITS) {
  if (unit.parentId) CHILDREN.set(unit.parentId, [...(CHILDREN.get(unit.parentId) ?? []), unit]);
}

export function allUnits(): readonly UnitRecord[] {
  return UNITS;
}

export function unitById(id: string): UnitRecord | undefined {
  return BY_ID.get(id);
}

export function childrenOf(id: string): readonly UnitRecord[] {
  return CHILDREN.get(id) ?? [];
}

export function unitsAtLevel(level: AdministrativeLevel): UnitRecord[] {
  return UNITS.filter((u) => u.level === level);
}

/** The unit and every unit below it. */
export function subtreeOf(id: string): UnitRecord[] {
  const unit = BY_ID.get(id);
  if (!unit) return [];
  return [unit, ...childrenOf(id).flatMap((child) => subtreeOf(child.id))];
}

/** The district of a commune (or the district itself); undefined for the province. */
export function districtIdOf(id: string): string | undefined {
  const unit = BY_ID.get(id);
  if (!unit) return undefined;
  if (unit.level === AdministrativeLevel.DISTRICT) return unit.id;
  if (unit.level === AdministrativeLevel.COMMUNE) return unit.parentId ?? undefined;
  return undefined;
}
