import {
  AdministrativeLevel,
  allUnits,
  childrenOverTime,
  HCMC_ID,
  isReorganisedUnit,
  predecessorsOf,
  PROVINCE_ID,
  successorsOf,
  unitById,
  unitInForce,
  unitOverTimeById,
  unitsOverTime,
} from '..';

const ids = (units: readonly { id: string }[]) => units.map((u) => u.id);
const oldCommunes = () => allUnits().filter((u) => u.level === AdministrativeLevel.COMMUNE);
const newUnits = () => unitsOverTime().filter(isReorganisedUnit);

describe('the units over time (kit)', () => {
  it('keeps allUnits() the 101 units of 2020–2025 and adds Ho Chi Minh City and its 36 communes after them', () => {
    expect(allUnits()).toHaveLength(101);
    expect(unitsOverTime().slice(0, 101)).toEqual(allUnits());
    const added = newUnits();
    expect(added).toHaveLength(37);
    expect(added[0]).toEqual({ id: '79', code: '79', name: 'Thành phố Hồ Chí Minh', level: 'PROVINCE', parentId: null, validFrom: '2025-07-01', validTo: null });
    for (const unit of added.slice(1)) {
      expect(unit).toMatchObject({ id: `${unit.code}@2025-07-01`, level: 'COMMUNE', parentId: HCMC_ID, validFrom: '2025-07-01', validTo: null });
      expect(unit.code).toMatch(/^\d{5}$/);
      expect(unit.name).toBe(unit.name.trim());
      expect(unit.communeType).toBe(unit.name.startsWith('Phường') ? 'phuong' : 'xa');
    }
    expect(new Set(ids(unitsOverTime())).size).toBe(138);
  });

  it('leaves unitById to the 2020–2025 units and resolves both periods by unitOverTimeById', () => {
    expect(unitById('25747@2025-07-01')).toBeUndefined();
    expect(unitById(HCMC_ID)).toBeUndefined();
    expect(unitOverTimeById('25747@2025-07-01')?.name).toBe('Phường Thủ Dầu Một');
    expect(unitOverTimeById('25747')?.name).toBe('Phường Phú Cường');
  });

  it('finds the unit a code named on a date', () => {
    expect(unitInForce('25747', '2024-01-01')?.id).toBe('25747');
    expect(unitInForce('25747', '2025-06-30')?.id).toBe('25747');
    expect(unitInForce('25747', '2025-07-01')?.id).toBe('25747@2025-07-01');
    expect(unitInForce('25747', '2020-01-31')).toBeUndefined();
    expect(unitInForce('721', '2025-07-01')).toBeUndefined(); // districts were abolished
    expect(unitInForce('79', '2024-09-30')).toBeUndefined(); // held here from the merger on
    expect(unitInForce('79', '2025-07-01')?.id).toBe('79');
    expect(unitInForce('25744', '2025-07-01')).toBeUndefined(); // merged into 25750, code not reused
  });

  it('gives every old commune at least one successor among the 36, and each of the 36 a predecessor', () => {
    for (const commune of oldCommunes()) {
      const successors = successorsOf(commune.id);
      expect(successors.length).toBeGreaterThanOrEqual(1);
      expect(ids(successors)).toEqual([...ids(successors)].sort());
      for (const successor of successors) expect(ids(predecessorsOf(successor.id))).toContain(commune.id);
    }
    expect(oldCommunes().filter((c) => successorsOf(c.id).length > 1)).toHaveLength(16); // split communes
    for (const unit of newUnits()) expect(predecessorsOf(unit.id).length).toBeGreaterThanOrEqual(1);
  });

  it('records succession at the same level: communes to communes, the province to Ho Chi Minh City, districts to nothing', () => {
    expect(ids(successorsOf('25741'))).toEqual(['25747@2025-07-01', '25750@2025-07-01']);
    expect(ids(predecessorsOf('25747@2025-07-01'))).toEqual(['25741', '25747', '25753', '25756', '25774']);
    expect(ids(successorsOf(PROVINCE_ID))).toEqual([HCMC_ID]);
    expect(ids(predecessorsOf(HCMC_ID))).toEqual([PROVINCE_ID]);
    for (const district of allUnits().filter((u) => u.level === AdministrativeLevel.DISTRICT)) expect(successorsOf(district.id)).toEqual([]);
    for (const unit of newUnits()) expect(successorsOf(unit.id)).toEqual([]);
    expect(predecessorsOf('25747')).toEqual([]);
  });

  it('gives each unit the children of its own period', () => {
    expect(ids(childrenOverTime(HCMC_ID))).toEqual(ids(newUnits().slice(1)));
    expect(ids(childrenOverTime(PROVINCE_ID))).toEqual(ids(allUnits().filter((u) => u.level === AdministrativeLevel.DISTRICT)));
    expect(ids(childrenOverTime('721'))).toHaveLength(8);
    expect(childrenOverTime('25747@2025-07-01')).toEqual([]);
  });
});
