import { childrenOf, DISTRICT_POPULATION_SHARES, RunningSubgraph, unitsAtLevel, AdministrativeLevel } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { errorCodes, queryOk, seededCitizenCount, startPopulation } from './support';

let running: RunningSubgraph;

beforeAll(async () => {
  running = await startPopulation();
});

afterAll(() => running.stop());

describe('administrativeUnits', () => {
  it.each([
    ['PROVINCE', 1],
    ['DISTRICT', 9],
    ['COMMUNE', 91],
  ])('lists the units of level %s in force on the reference date (%i)', async (level, count) => {
    const data = await queryOk(running, `{ administrativeUnits(level: ${level}) { id code level validFrom validTo } }`);
    const units = data.administrativeUnits;
    expect(units).toHaveLength(count);
    expect(units.map((u: any) => u.id)).toEqual(unitsAtLevel(level as AdministrativeLevel).map((u) => u.id).sort());
    for (const u of units) {
      expect(u.level).toBe(level);
      expect(u.code).toBe(u.id);
      expect(u.validFrom <= '2024-09-30' && (u.validTo === null || u.validTo >= '2024-09-30')).toBe(true);
    }
  });

  it('lists all 101 units without a level, and the 8 communes of Bến Cát (721) by parentId and as children', async () => {
    const all = await queryOk(running, '{ administrativeUnits { id } }');
    expect(all.administrativeUnits).toHaveLength(101);
    const expected = childrenOf('721').map((u) => u.id).sort();
    expect(expected).toHaveLength(8);
    const data = await queryOk(running, '{ administrativeUnits(parentId: "721") { id level } administrativeUnit(id: "721") { name level parent { id } children { id level parent { id } } } }');
    expect(data.administrativeUnits.map((u: any) => u.id)).toEqual(expected);
    expect(data.administrativeUnit).toMatchObject({ level: 'DISTRICT', parent: { id: '74' } });
    expect(data.administrativeUnit.children.map((u: any) => u.id)).toEqual(expected);
    for (const child of data.administrativeUnit.children) expect(child).toMatchObject({ level: 'COMMUNE', parent: { id: '721' } });
  });

  it('honours `on`: nothing before the units came into force, only the 2025 units after the merger', async () => {
    const data = await queryOk(
      running,
      `{ before: administrativeUnits(on: "2020-01-31") { id } first: administrativeUnits(on: "2020-02-01") { id }
         last: administrativeUnits(on: "2025-06-30") { id } after: administrativeUnits(on: "2025-07-01") { id } }`,
    );
    expect(data.before).toEqual([]);
    expect(data.first).toHaveLength(101);
    expect(data.last).toHaveLength(101);
    const old = new Set(data.last.map((u: any) => u.id));
    expect(data.after).toHaveLength(37); // Ho Chi Minh City and its 36 communes: units-over-time.test.ts
    expect(data.after.filter((u: any) => old.has(u.id))).toEqual([]);
  });

  it('returns null for an unknown unit id and rejects an unknown parentId or a malformed date', async () => {
    const data = await queryOk(running, '{ administrativeUnit(id: "99999") { id } }');
    expect(data.administrativeUnit).toBeNull();
    const unknownParent = await postGraphQL(running.url, '{ administrativeUnits(parentId: "99999") { id } }');
    expect(errorCodes(unknownParent)).toEqual(['BAD_USER_INPUT']);
    const badDate = await postGraphQL(running.url, 'query($on: Date) { administrativeUnits(on: $on) { id } }', { on: '2024-02-30' });
    expect(badDate.status).toBeLessThan(500);
    expect(errorCodes(badDate)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('population', () => {
  const POPULATION = '{ administrativeUnits { id level population own: population(scope: OWN) subtree: population(scope: SUBTREE) children { id population } } }';

  it('SUBTREE = OWN + Σ children\'s SUBTREE for every unit; the province holds every seeded citizen', async () => {
    const units = (await queryOk(running, POPULATION)).administrativeUnits;
    expect(units).toHaveLength(101);
    for (const unit of units) {
      expect(unit.population).toBe(unit.subtree); // SUBTREE is the default
      const childrenSum = unit.children.reduce((sum: number, c: any) => sum + c.population, 0);
      expect({ id: unit.id, subtree: unit.subtree }).toEqual({ id: unit.id, subtree: unit.own + childrenSum });
      if (unit.level === 'COMMUNE') expect(unit.children).toEqual([]);
      else expect(unit.own).toBe(0); // residents are placed at communes
    }
    const province = units.find((u: any) => u.level === 'PROVINCE');
    expect(province.population).toBe(seededCitizenCount());
    const communes = units.filter((u: any) => u.level === 'COMMUNE');
    expect(communes.reduce((s: number, u: any) => s + u.population, 0)).toBe(seededCitizenCount());
  });

  it('agrees with citizens(filter: { residenceId }).totalCount for every district and the province', async () => {
    const units = (await queryOk(running, '{ administrativeUnits(level: DISTRICT) { id population } }')).administrativeUnits;
    const aliases = ['74', ...units.map((u: any) => u.id)].map((id) => `u${id}: citizens(filter: { residenceId: "${id}" }, first: 0) { totalCount }`);
    const counts = await queryOk(running, `{ ${aliases.join(' ')} }`);
    for (const unit of units) expect(counts[`u${unit.id}`].totalCount).toBe(unit.population);
    expect(counts.u74.totalCount).toBe(seededCitizenCount());
  });

  it('spreads residents over districts by the published shares (within 1 point)', async () => {
    const units = (await queryOk(running, '{ administrativeUnits(level: DISTRICT) { id population } }')).administrativeUnits;
    const shareSum = Object.values(DISTRICT_POPULATION_SHARES).reduce((a, b) => a + b, 0);
    for (const unit of units) {
      expect(Math.abs(unit.population / seededCitizenCount() - DISTRICT_POPULATION_SHARES[unit.id] / shareSum)).toBeLessThan(0.01);
    }
  });

  it('counts with a fixed number of SQL statements, whatever the number of units', async () => {
    const statementsFor = async (args: string) => {
      running.database.resetSqlStatements();
      const data = await queryOk(running, `{ administrativeUnits(${args}) { id own: population(scope: OWN) population parent { id population } children { id } } }`);
      return { units: data.administrativeUnits.length, statements: running.database.sqlStatements() };
    };
    const few = await statementsFor('parentId: "726"'); // the communes of Bắc Tân Uyên
    const all = await statementsFor('level: COMMUNE'); // all 91 communes
    expect(few.units).toBeLessThan(15);
    expect(all.units).toBe(91);
    expect(all.statements).toBe(few.statements);
    expect(all.statements).toBeLessThanOrEqual(6);
  });
});
