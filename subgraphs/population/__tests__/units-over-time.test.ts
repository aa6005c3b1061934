import { HCMC_ID, isReorganisedUnit, RunningSubgraph, unitsOverTime } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { errorCodes, queryOk, seededCitizenCount, startPopulation } from './support';

// The July 2025 reorganisation through the population subgraph: the units of both periods,
// lookups by code and date, succession, and the residents counted at the new communes.

let running: RunningSubgraph;

beforeAll(async () => {
  running = await startPopulation();
});

afterAll(() => running.stop());

const NEW_COMMUNES = unitsOverTime().filter((u) => isReorganisedUnit(u) && u.id !== HCMC_ID).map((u) => u.id);
const ids = (units: { id: string }[]) => units.map((u) => u.id);
const sorted = (values: string[]) => [...values].sort();

describe('administrativeUnits(on:)', () => {
  it('from 2025-07-01 lists Ho Chi Minh City (79) and its 36 communes, no districts', async () => {
    const data = await queryOk(
      running,
      `{ all: administrativeUnits(on: "2025-07-01") { id code level validFrom validTo }
         provinces: administrativeUnits(on: "2025-07-01", level: PROVINCE) { id name }
         communes: administrativeUnits(on: "2026-01-01", level: COMMUNE) { id }
         below79: administrativeUnits(on: "2025-07-01", parentId: "79") { id }
         districts: administrativeUnits(level: DISTRICT, on: "2025-08-01") { id } }`,
    );
    expect(sorted(ids(data.all))).toEqual(sorted([HCMC_ID, ...NEW_COMMUNES]));
    for (const unit of data.all) {
      expect(unit).toMatchObject({ validFrom: '2025-07-01', validTo: null });
      expect(unit.id).toBe(unit.level === 'PROVINCE' ? unit.code : `${unit.code}@2025-07-01`);
    }
    expect(data.provinces).toEqual([{ id: '79', name: 'Thành phố Hồ Chí Minh' }]);
    expect(sorted(ids(data.communes))).toEqual(sorted(NEW_COMMUNES));
    expect(sorted(ids(data.below79))).toEqual(sorted(NEW_COMMUNES));
    expect(data.districts).toEqual([]);
  });

  it('without `on` stays the reference date: the 101 units of 2020–2025, one province', async () => {
    const data = await queryOk(running, '{ all: administrativeUnits { id } provinces: administrativeUnits(level: PROVINCE) { id } below79: administrativeUnits(parentId: "79") { id } }');
    expect(data.all).toHaveLength(101);
    expect(data.all.some((u: any) => u.id === '79' || u.id.includes('@'))).toBe(false);
    expect(data.provinces).toEqual([{ id: '74' }]);
    expect(data.below79).toEqual([]); // 79's communes are in force from 2025-07-01 only
  });
});

describe('administrativeUnitOn(code, on)', () => {
  it('tells the old and the new unit of a reused code apart by date', async () => {
    const data = await queryOk(
      running,
      `{ before: administrativeUnitOn(code: "25747", on: "2024-01-01") { id name validFrom validTo }
         lastDay: administrativeUnitOn(code: "25747", on: "2025-06-30") { id }
         after: administrativeUnitOn(code: "25747", on: "2025-07-01") { id name validFrom validTo parent { id } }
         city: administrativeUnitOn(code: "79", on: "2025-07-01") { id level }
         cityBefore: administrativeUnitOn(code: "79", on: "2024-09-30") { id }
         district: administrativeUnitOn(code: "721", on: "2025-07-01") { id }
         districtBefore: administrativeUnitOn(code: "721", on: "2024-09-30") { id level }
         unknown: administrativeUnitOn(code: "99999", on: "2025-07-01") { id }
         tooEarly: administrativeUnitOn(code: "25747", on: "2019-12-31") { id } }`,
    );
    expect(data.before).toEqual({ id: '25747', name: 'Phường Phú Cường', validFrom: '2020-02-01', validTo: '2025-06-30' });
    expect(data.lastDay).toEqual({ id: '25747' });
    expect(data.after).toEqual({ id: '25747@2025-07-01', name: 'Phường Thủ Dầu Một', validFrom: '2025-07-01', validTo: null, parent: { id: '79' } });
    expect(data.city).toEqual({ id: '79', level: 'PROVINCE' });
    expect(data.cityBefore).toBeNull();
    expect(data.district).toBeNull();
    expect(data.districtBefore).toEqual({ id: '721', level: 'DISTRICT' });
    expect(data.unknown).toBeNull();
    expect(data.tooEarly).toBeNull();
  });

  it('rejects a malformed code or date with BAD_USER_INPUT', async () => {
    const badCode = await postGraphQL(running.url, '{ administrativeUnitOn(code: "25747@2025-07-01", on: "2025-07-01") { id } }');
    expect(errorCodes(badCode)).toEqual(['BAD_USER_INPUT']);
    expect(badCode.errors![0].message).toMatch(/2 \(province\), 3 \(district\) or 5 \(commune\) digits/);
    for (const on of ['2025-02-30', '2025-7-1', '']) {
      const badDate = await postGraphQL(running.url, 'query($on: Date!) { administrativeUnitOn(code: "25747", on: $on) { id } }', { on });
      expect(badDate.status).toBeLessThan(500);
      expect(errorCodes(badDate)).toEqual(['BAD_USER_INPUT']);
    }
    // A literal fails validation (as everywhere in the graph), with the same message.
    const badLiteral = await postGraphQL(running.url, '{ administrativeUnits(on: "2025-13-01") { id } }');
    expect(errorCodes(badLiteral)).toEqual([expect.stringMatching(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/)]);
    expect(badLiteral.errors![0].message).toContain('YYYY-MM-DD');
  });
});

describe('succession and hierarchy', () => {
  it('links old and new units both ways; old ids keep working', async () => {
    const data = await queryOk(
      running,
      `{ split: administrativeUnit(id: "25741") { name validTo successors { id name } predecessors { id } }
         reused: administrativeUnit(id: "25747") { name parent { id } successors { id } }
         heir: administrativeUnit(id: "25747@2025-07-01") { code name level parent { id name } children { id } successors { id } predecessors { id parent { id } } }
         district: administrativeUnit(id: "718") { successors { id } children { successors { id } } }
         province: administrativeUnit(id: "74") { successors { id name } }
         city: administrativeUnit(id: "79") { name level parent { id } predecessors { id } successors { id } children { id level parent { id } } } }`,
    );
    expect(data.split).toEqual({
      name: 'Phường Hiệp Thành',
      validTo: '2025-06-30',
      successors: [{ id: '25747@2025-07-01', name: 'Phường Thủ Dầu Một' }, { id: '25750@2025-07-01', name: 'Phường Phú Lợi' }],
      predecessors: [],
    });
    expect(data.reused).toEqual({ name: 'Phường Phú Cường', parent: { id: '718' }, successors: [{ id: '25747@2025-07-01' }] });
    expect(data.heir).toMatchObject({ code: '25747', name: 'Phường Thủ Dầu Một', level: 'COMMUNE', parent: { id: '79', name: 'Thành phố Hồ Chí Minh' }, children: [], successors: [] });
    expect(ids(data.heir.predecessors)).toEqual(expect.arrayContaining(['25741', '25747']));
    for (const predecessor of data.heir.predecessors) expect(predecessor.parent.id).toMatch(/^7\d\d$/);
    // Districts have no successors (the level was abolished); their communes' successors say what replaced them.
    expect(data.district.successors).toEqual([]);
    expect(new Set(data.district.children.flatMap((c: any) => ids(c.successors)))).toEqual(new Set(['25747@2025-07-01', '25750@2025-07-01', '25760@2025-07-01', '25768@2025-07-01', '25771@2025-07-01']));
    expect(data.province.successors).toEqual([{ id: '79', name: 'Thành phố Hồ Chí Minh' }]);
    expect(data.city).toMatchObject({ name: 'Thành phố Hồ Chí Minh', level: 'PROVINCE', parent: null, predecessors: [{ id: '74' }], successors: [] });
    expect(ids(data.city.children)).toEqual(NEW_COMMUNES);
    for (const child of data.city.children) expect(child).toMatchObject({ level: 'COMMUNE', parent: { id: '79' } });
  });

  it('resolves representations of the new units for the gateway', async () => {
    const data = await queryOk(running, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { id name population } } }', {
      r: [{ __typename: 'AdministrativeUnit', id: '25747@2025-07-01' }, { __typename: 'AdministrativeUnit', id: '79' }, { __typename: 'AdministrativeUnit', id: '25747' }],
    });
    expect(data._entities.map((e: any) => e.name)).toEqual(['Phường Thủ Dầu Một', 'Thành phố Hồ Chí Minh', 'Phường Phú Cường']);
    expect(data._entities[1].population).toBe(seededCitizenCount());
  });
});

describe('population of the new units', () => {
  const QUERY = `{ city: administrativeUnit(id: "79") { population own: population(scope: OWN) children { id population own: population(scope: OWN) predecessors { id } } }
    province: administrativeUnit(id: "74") { population children { children { id population } } } }`;

  it('the 36 communes hold every resident of the former province; 79 is their sum (SUBTREE = OWN + Σ children)', async () => {
    const { city, province } = await queryOk(running, QUERY);
    const sum = city.children.reduce((s: number, c: any) => s + c.population, 0);
    expect(province.population).toBe(seededCitizenCount());
    expect(sum).toBe(province.population);
    expect(city.own).toBe(0);
    expect(city.population).toBe(city.own + sum);
    for (const commune of city.children) expect(commune.own).toBe(commune.population);

    // A new commune that only took whole old communes holds exactly their residents.
    const oldPopulation = new Map(province.children.flatMap((d: any) => d.children.map((c: any) => [c.id, c.population] as const)));
    const whole = city.children.filter((c: any) => c.id === '25760@2025-07-01')[0]; // Phường Bình Dương: 25760, 25762, 25763, 25924, none split
    expect(ids(whole.predecessors)).toEqual(['25760', '25762', '25763', '25924']);
    expect(whole.population).toBe(whole.predecessors.reduce((s: number, p: any) => s + (oldPopulation.get(p.id) as number), 0));
    expect(whole.population).toBeGreaterThan(0);
  });

  it('agrees with citizens(filter: { residenceId }) for new communes and for Ho Chi Minh City', async () => {
    const { city } = await queryOk(running, QUERY);
    const aliases = city.children.map((c: any, k: number) => `c${k}: citizens(filter: { residenceId: "${c.id}" }, first: 0) { totalCount }`);
    const counts = await queryOk(running, `{ city: citizens(filter: { residenceId: "79" }, first: 0) { totalCount } ${aliases.join(' ')} }`);
    city.children.forEach((c: any, k: number) => expect(counts[`c${k}`].totalCount).toBe(c.population));
    expect(counts.city.totalCount).toBe(city.population);
  });

  it('counts in a fixed number of SQL statements, whatever the number of new units', async () => {
    const FIELDS = 'id population own: population(scope: OWN) parent { id population } predecessors { id population } successors { id } children { id }';
    const statementsFor = async (root: string) => {
      running.database.resetSqlStatements();
      await queryOk(running, `{ ${root} { ${FIELDS} } }`);
      return running.database.sqlStatements();
    };
    const one = await statementsFor('administrativeUnit(id: "25747@2025-07-01")');
    const all = await statementsFor('administrativeUnits(on: "2025-07-01", level: COMMUNE)');
    expect(all).toBe(one);
    // The units; their population; their predecessors' population; their parent; its population.
    expect(all).toBeLessThanOrEqual(5);
  });
});

describe('Citizen.residenceOn(on:)', () => {
  it('is the 2020–2025 commune up to 2025-06-30 and the assigned new commune from 2025-07-01', async () => {
    const data = await queryOk(
      running,
      `{ citizens(first: 50) { edges { node { id residence { id successors { id } }
          old: residenceOn(on: "2024-09-30") { id } lastDay: residenceOn(on: "2025-06-30") { id }
          new: residenceOn(on: "2025-07-01") { id parent { id } } later: residenceOn(on: "2030-01-01") { id }
          unknown: residenceOn(on: "2019-12-31") { id } household { residence { id } } } } } }`,
    );
    for (const { node } of data.citizens.edges) {
      expect(node.old.id).toBe(node.residence.id);
      expect(node.lastDay.id).toBe(node.residence.id);
      expect(ids(node.residence.successors)).toContain(node.new.id);
      expect(node.new.parent.id).toBe('79');
      expect(node.later.id).toBe(node.new.id);
      expect(node.unknown).toBeNull();
    }
  });
});
