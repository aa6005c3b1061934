import { citizenId, RunningSubgraph } from '../../kit';
import { queryOk, seededCitizenCount, startPopulation } from './support';

let running: RunningSubgraph;

beforeAll(async () => {
  running = await startPopulation();
});

afterAll(() => running.stop());

const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Citizen { id fullName residence { name } household { id } } ... on Household { id head { id } members { id } residence { id } } ... on AdministrativeUnit { id name level population children { id } } } }';

/** Citizen representations as other subgraphs build them: from citizenId(i) alone. */
const citizenReps = (count: number, offset = 0) =>
  Array.from({ length: count }, (_, k) => ({ __typename: 'Citizen', id: citizenId((offset + k * 37) % seededCitizenCount()) }));

describe('federation _entities', () => {
  it('resolves Citizen representations built from citizenId(i), in order, null for unknown ids', async () => {
    const reps = [...citizenReps(5), { __typename: 'Citizen', id: 'C-UNKNOWN' }, citizenReps(1)[0]];
    const data = await queryOk(running, ENTITIES, { r: reps });
    expect(data._entities).toHaveLength(reps.length);
    data._entities.forEach((entity: any, k: number) => {
      if (reps[k].id === 'C-UNKNOWN') expect(entity).toBeNull();
      else expect(entity).toMatchObject({ __typename: 'Citizen', id: reps[k].id, residence: { name: expect.any(String) }, household: { id: expect.any(String) } });
    });
  });

  it('resolves every citizenId(i) for 0 <= i < scaled(FULL_SCALE.citizens, scale), including the last', async () => {
    const last = seededCitizenCount() - 1;
    const reps = [0, 1, Math.floor(last / 2), last].map((i) => ({ __typename: 'Citizen', id: citizenId(i) }));
    const data = await queryOk(running, ENTITIES, { r: reps });
    expect(data._entities.map((e: any) => e?.id)).toEqual(reps.map((r) => r.id));
  });

  it('resolves Household and AdministrativeUnit representations', async () => {
    const citizen = (await queryOk(running, ENTITIES, { r: citizenReps(1) }))._entities[0];
    const reps = [
      { __typename: 'Household', id: citizen.household.id },
      { __typename: 'AdministrativeUnit', id: '721' },
      { __typename: 'AdministrativeUnit', id: '74' },
      { __typename: 'Household', id: 'H-UNKNOWN' },
      { __typename: 'AdministrativeUnit', id: '99999' },
    ];
    const [household, district, province, noHousehold, noUnit] = (await queryOk(running, ENTITIES, { r: reps }))._entities;
    expect(household.__typename).toBe('Household');
    expect(household.id).toBe(citizen.household.id);
    expect(household.members.map((m: any) => m.id)).toContain(citizen.id);
    expect(household.members[0].id).toBe(household.head.id);
    expect(district).toMatchObject({ __typename: 'AdministrativeUnit', id: '721', level: 'DISTRICT' });
    expect(district.children).toHaveLength(8);
    expect(province).toMatchObject({ id: '74', level: 'PROVINCE', population: seededCitizenCount() });
    expect(noHousehold).toBeNull();
    expect(noUnit).toBeNull();
  });

  it('runs as many SQL statements for 50 Citizen representations as for 10 (no N+1)', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { id residence { name } household { id } } } }';
    const statementsFor = async (count: number, offset: number) => {
      running.database.resetSqlStatements();
      const data = await queryOk(running, query, { r: citizenReps(count, offset) });
      expect(data._entities.filter((e: any) => e?.residence?.name && e.household?.id)).toHaveLength(count);
      return running.database.sqlStatements();
    };
    const ten = await statementsFor(10, 3);
    const fifty = await statementsFor(50, 11);
    expect(fifty).toBe(ten);
    expect(ten).toBe(3); // citizens, their units, their households: one batch each
  });
});
