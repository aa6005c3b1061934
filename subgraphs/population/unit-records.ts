import type { UnitRecord } from '../kit';
import { AdministrativeUnit } from './entities/administrative-unit.entity';

const CACHE = new Map<string, AdministrativeUnit>();

/**
 * A unit of the kit's list as the GraphQL type. The table is seeded from the same list, so
 * fields that only walk the list (children, successors, predecessors) answer from memory,
 * without SQL; the objects are read-only and shared between requests.
 */
export function unitFromRecord(record: UnitRecord): AdministrativeUnit {
  let unit = CACHE.get(record.id);
  if (!unit) {
    unit = Object.freeze(
      Object.assign(new AdministrativeUnit(), {
        id: record.id,
        code: record.code,
        name: record.name,
        level: record.level,
        parentId: record.parentId,
        communeType: record.communeType ?? null,
        validFrom: record.validFrom,
        validTo: record.validTo,
      }),
    );
    CACHE.set(record.id, unit);
  }
  return unit;
}

export function unitsFromRecords(records: readonly UnitRecord[]): AdministrativeUnit[] {
  return records.map(unitFromRecord);
}
