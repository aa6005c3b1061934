import { AdministrativeLevel, allUnits, childrenOf, FULL_SCALE, PROVINCE_ID, RunningSubgraph, scaled } from '../../kit';
import { queryData, startBusiness, testScale } from './harness';

interface Stats {
  total: number;
  active: number;
  digitalTechnology: number;
  usingDigitalPlatform: number;
  usingEInvoice: number;
  eInvoiceRate: number | null;
  bySection: { key: string; count: number }[];
}
interface UnitStats {
  id: string;
  subtree: Stats | null;
  own: Stats | null;
  byDefault: Stats | null;
}

const COUNT_FIELDS = ['total', 'active', 'digitalTechnology', 'usingDigitalPlatform', 'usingEInvoice'] as const;
const STATS = 'total active digitalTechnology usingDigitalPlatform usingEInvoice eInvoiceRate bySection { key count }';
const UNIT_STATS = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on AdministrativeUnit { id subtree: businessStats(scope: SUBTREE) { ${STATS} } own: businessStats(scope: OWN) { ${STATS} } byDefault: businessStats { ${STATS} } }
  }
}`;
const TOTAL = `query($filter: BusinessFilter) { businesses(filter: $filter, first: 0) { totalCount } }`;

const sectionMap = (s: Stats) => new Map(s.bySection.map((c) => [c.key, c.count]));

describe('AdministrativeUnit.businessStats', () => {
  let running: RunningSubgraph;
  let byId: Map<string, UnitStats>;
  let statementsForAllUnits: number;
  const units = allUnits();

  beforeAll(async () => {
    running = await startBusiness();
    running.database.resetSqlStatements();
    const data = await queryData(running, UNIT_STATS, { r: units.map((u) => ({ __typename: 'AdministrativeUnit', id: u.id })) });
    statementsForAllUnits = running.database.sqlStatements();
    byId = new Map((data._entities as UnitStats[]).map((u) => [u.id, u]));
  });
  afterAll(() => running.stop());

  const total = (filter: Record<string, unknown>) => queryData(running, TOTAL, { filter }).then((d) => d.businesses.totalCount as number);

  it('reproduces the published province figures exactly at the test scale', () => {
    const scale = testScale();
    const province = byId.get(PROVINCE_ID)!.subtree!;
    expect(province.total).toBe(scaled(FULL_SCALE.businesses, scale));
    expect(province.active).toBe(scaled(FULL_SCALE.activeBusinesses, scale));
    expect(province.digitalTechnology).toBe(scaled(FULL_SCALE.digitalTechnologyBusinesses, scale));
    expect(province.usingDigitalPlatform).toBe(scaled(FULL_SCALE.digitalPlatformBusinesses, scale));
  });

  it('answers all 101 units, with three scopes each, in one SQL statement', () => {
    expect(byId.size).toBe(units.length);
    expect(statementsForAllUnits).toBe(1);
  });

  it('holds SUBTREE = OWN + Σ children\'s SUBTREE for every unit, every count and every section', () => {
    let checked = 0;
    for (const unit of units) {
      const { subtree, own } = byId.get(unit.id)!;
      const children = childrenOf(unit.id).map((child) => byId.get(child.id)!.subtree!);
      for (const field of COUNT_FIELDS) {
        expect({ unit: unit.id, field, value: subtree![field] }).toEqual({ unit: unit.id, field, value: own![field] + children.reduce((s, c) => s + c[field], 0) });
      }
      const sections = new Map(sectionMap(own!));
      for (const child of children) for (const [key, count] of sectionMap(child)) sections.set(key, (sections.get(key) ?? 0) + count);
      expect({ unit: unit.id, bySection: sectionMap(subtree!) }).toEqual({ unit: unit.id, bySection: sections });
      checked += 1;
    }
    expect(checked).toBe(101);
  });

  it('is all zeros with scope OWN above commune level, and OWN = SUBTREE at a commune', () => {
    for (const unit of units) {
      const { subtree, own } = byId.get(unit.id)!;
      if (unit.level === AdministrativeLevel.COMMUNE) {
        expect(own).toEqual(subtree);
      } else {
        expect(own).toEqual({ total: 0, active: 0, digitalTechnology: 0, usingDigitalPlatform: 0, usingEInvoice: 0, eInvoiceRate: null, bySection: [] });
      }
    }
  });

  it('defaults to scope SUBTREE', () => {
    for (const unit of units) expect(byId.get(unit.id)!.byDefault).toEqual(byId.get(unit.id)!.subtree);
  });

  it('derives eInvoiceRate = usingEInvoice / total and keeps bySection sorted, summing to total', () => {
    for (const { subtree } of byId.values()) {
      const s = subtree!;
      expect(s.eInvoiceRate).toBe(s.total === 0 ? null : s.usingEInvoice / s.total);
      expect(s.bySection.map((c) => c.key)).toEqual(s.bySection.map((c) => c.key).sort());
      expect(s.bySection.every((c) => /^[A-U]$/.test(c.key) && c.count > 0)).toBe(true);
      expect(s.bySection.reduce((sum, c) => sum + c.count, 0)).toBe(s.total);
      expect(s.active).toBeLessThanOrEqual(s.total);
      expect(s.usingEInvoice).toBeGreaterThanOrEqual(s.active); // every active enterprise issues e-invoices
    }
  });

  it('agrees with the businesses query filtered the same way', async () => {
    for (const district of childrenOf(PROVINCE_ID)) {
      const s = byId.get(district.id)!.subtree!;
      expect(await total({ addressId: district.id })).toBe(s.total);
      expect(await total({ addressId: district.id, status: 'ACTIVE' })).toBe(s.active);
      expect(await total({ addressId: district.id, digitalTechnology: true })).toBe(s.digitalTechnology);
    }
    const province = byId.get(PROVINCE_ID)!.subtree!;
    for (const { key, count } of province.bySection) expect(await total({ section: key })).toBe(count);
    const commune = childrenOf(childrenOf(PROVINCE_ID)[0].id)[0];
    expect(await total({ addressId: commune.id })).toBe(byId.get(commune.id)!.subtree!.total);
  });

  it('answers null for a unit it does not know', async () => {
    const data = await queryData(running, UNIT_STATS, { r: [{ __typename: 'AdministrativeUnit', id: '99999' }] });
    expect(data._entities[0]).toEqual({ id: '99999', subtree: null, own: null, byDefault: null });
  });
});
