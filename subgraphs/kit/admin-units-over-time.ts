import { allUnits, PROVINCE_ID, unitListRows, UnitRecord } from './admin-units';
import { AdministrativeLevel } from './shared-types';

/**
 * The July 2025 reorganisation: on 2025-07-01 the province merged into Ho Chi Minh City (79),
 * the district level was abolished and the province's 91 communes became 36 communes of the
 * city. A new commune reuses the 5-digit code of one predecessor (new 25747 "Phường Thủ Dầu
 * Một" is not old 25747 "Phường Phú Cường"), so its id carries its validity: `25747@2025-07-01`.
 *
 * `allUnits()` stays the 2020–2025 list every subgraph places its rows at; this module adds
 * the units in force since the reorganisation, and the succession between the two lists.
 */

/** First day of the units that replaced the province's. */
export const REORGANISED_ON = '2025-07-01';

/** Ho Chi Minh City, the province-level unit the province merged into. */
export const HCMC_ID = '79';

/** Id of a unit in force since the reorganisation: its code plus the first day of its validity. */
export function reorganisedUnitId(code: string): string {
  return `${code}@${REORGANISED_ON}`;
}

function communeTypeOf(name: string): UnitRecord['communeType'] {
  return name.startsWith('Phường') ? 'phuong' : 'xa';
}

function byId(a: UnitRecord, b: UnitRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Ho Chi Minh City as this warehouse knows it: the city since the merger (validFrom
 * 2025-07-01), of which only the former province's 36 communes are held here. The city of
 * 1976–2025 is another territorial version that this warehouse does not hold; giving 79 that
 * older validity would put a second province into the reference-date lists.
 */
const HCMC: UnitRecord = {
  id: HCMC_ID,
  code: HCMC_ID,
  name: 'Thành phố Hồ Chí Minh',
  level: AdministrativeLevel.PROVINCE,
  parentId: null,
  validFrom: REORGANISED_ON,
  validTo: null,
};

/** The new communes and, per old commune, the ids of the new ones that took its area (column 6 of the list). */
function loadReorganisation(): { communes: UnitRecord[]; successorIds: Map<string, string[]> } {
  const communes = new Map<string, UnitRecord>();
  const successorIds = new Map<string, string[]>();
  for (const [oldCode, , , , , newUnits] of unitListRows()) {
    const ids = new Set<string>();
    for (const entry of newUnits.split('|').map((s) => s.trim())) {
      const match = /^(\d{5}) (.+)$/.exec(entry);
      if (!match) throw new Error(`binhduong-units-2025.csv: commune ${oldCode} names a new unit as "${entry}", expected "<5-digit code> <name>"`);
      const [, code, name] = match;
      const id = reorganisedUnitId(code);
      communes.set(id, { id, code, name, level: AdministrativeLevel.COMMUNE, parentId: HCMC_ID, communeType: communeTypeOf(name), validFrom: REORGANISED_ON, validTo: null });
      ids.add(id);
    }
    successorIds.set(oldCode, [...ids].sort());
  }
  return { communes: [...communes.values()].sort(byId), successorIds };
}

const REORGANISATION = loadReorganisation();
const UNITS_OVER_TIME: readonly UnitRecord[] = [...allUnits(), HCMC, ...REORGANISATION.communes];
const BY_ID = new Map(UNITS_OVER_TIME.map((u) => [u.id, u]));

/**
 * Succession is recorded between units of the same level: an old commune → the new communes
 * that took its area, the province → Ho Chi Minh City. Districts have no successors (the level
 * was abolished; what replaced a district is its children's successors).
 */
const SUCCESSORS = new Map<string, readonly UnitRecord[]>([
  [PROVINCE_ID, [HCMC]],
  ...[...REORGANISATION.successorIds].map(([oldId, ids]) => [oldId, ids.map((id) => BY_ID.get(id)!)] as const),
]);
const PREDECESSORS = new Map<string, UnitRecord[]>();
for (const [oldId, successors] of SUCCESSORS) {
  for (const successor of successors) PREDECESSORS.set(successor.id, [...(PREDECESSORS.get(successor.id) ?? []), BY_ID.get(oldId)!]);
}
for (const list of PREDECESSORS.values()) list.sort(byId);

const CHILDREN = new Map<string, UnitRecord[]>();
for (const unit of UNITS_OVER_TIME) {
  if (unit.parentId) CHILDREN.set(unit.parentId, [...(CHILDREN.get(unit.parentId) ?? []), unit]);
}
for (const list of CHILDREN.values()) list.sort(byId);

/** Every unit this warehouse knows: the 2020–2025 list (`allUnits()`), then Ho Chi Minh City and its 36 communes from 2025-07-01. */
export function unitsOverTime(): readonly UnitRecord[] {
  return UNITS_OVER_TIME;
}

/** A unit of either period by id (`unitById` knows only the 2020–2025 list). */
export function unitOverTimeById(id: string): UnitRecord | undefined {
  return BY_ID.get(id);
}

/** Whether a unit is in force on a date ("YYYY-MM-DD"; both bounds inclusive). */
export function isInForce(unit: Pick<UnitRecord, 'validFrom' | 'validTo'>, on: string): boolean {
  return unit.validFrom <= on && (unit.validTo === null || on <= unit.validTo);
}

/** The unit with this code in force on this date, if this warehouse holds one. */
export function unitInForce(code: string, on: string): UnitRecord | undefined {
  return UNITS_OVER_TIME.find((u) => u.code === code && isInForce(u, on));
}

/** The units that took over this unit's area when it ceased (same level, by id); empty for the new units and for districts. */
export function successorsOf(id: string): readonly UnitRecord[] {
  return SUCCESSORS.get(id) ?? [];
}

/** The units whose area this unit took over (same level, by id); empty for the 2020–2025 units. */
export function predecessorsOf(id: string): readonly UnitRecord[] {
  return PREDECESSORS.get(id) ?? [];
}

/** The units directly below, by id: each unit's children are those of its own period (the 36 communes for Ho Chi Minh City). */
export function childrenOverTime(id: string): readonly UnitRecord[] {
  return CHILDREN.get(id) ?? [];
}

/** Whether a unit belongs to the units in force since the reorganisation (Ho Chi Minh City and its communes). */
export function isReorganisedUnit(unit: Pick<UnitRecord, 'validFrom'>): boolean {
  return unit.validFrom >= REORGANISED_ON;
}
