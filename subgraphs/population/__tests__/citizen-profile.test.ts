import { isCalendarDate, isWellFormedCccd, RunningSubgraph } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { Citizen } from '../entities/citizen.entity';
import type { EntityManager } from '@mikro-orm/knex';
import { errorCodes, queryOk, startPopulation } from './support';

let running: RunningSubgraph;
/** A citizen read straight from the database, to compare the API with. */
let stored: Citizen;

beforeAll(async () => {
  running = await startPopulation();
  const em = running.database.orm.em.fork() as EntityManager;
  // A member of a household of at least 3, so the household part of the profile is not trivial.
  const [row] = await em
    .createQueryBuilder(Citizen)
    .select('householdId')
    .groupBy('householdId')
    .having('count(*) >= 3')
    .orderBy({ householdId: 'asc' })
    .limit(1)
    .execute('all');
  stored = (await em.findOneOrFail(Citizen, { householdId: row.householdId }, { orderBy: { id: 'asc' } })) as Citizen;
});

afterAll(() => running.stop());

const PROFILE = `
  id cccd fullName birthDate gender ethnicity electronicIdLevel
  residence { id code name level parent { id level } }
  household { id head { id } members { id household { id } residence { id } } residence { id } }
`;

describe('citizen profile', () => {
  it('returns every field of a citizen by id, matching the stored row', async () => {
    const data = await queryOk(running, `query($id: ID!) { citizen(id: $id) { ${PROFILE} } }`, { id: stored.id });
    const c = data.citizen;
    expect(c).toMatchObject({
      id: stored.id,
      cccd: stored.cccd,
      fullName: stored.fullName,
      birthDate: stored.birthDate,
      gender: stored.gender,
      ethnicity: stored.ethnicity,
      electronicIdLevel: stored.electronicIdLevel,
    });
    expect(isWellFormedCccd(c.cccd)).toBe(true);
    expect(isCalendarDate(c.birthDate)).toBe(true);
    expect(c.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
    expect([0, 1, 2]).toContain(c.electronicIdLevel);
    // Residence is a commune whose parent is a district.
    expect(c.residence).toMatchObject({ id: stored.residenceId, code: stored.residenceId, level: 'COMMUNE', parent: { level: 'DISTRICT' } });
    expect(c.residence.parent.id).toBe(stored.districtId);
    // The household holds the citizen, is in the same commune, and lists its head first.
    expect(c.household.id).toBe(stored.householdId);
    expect(c.household.residence.id).toBe(stored.residenceId);
    expect(c.household.members.length).toBeGreaterThanOrEqual(3);
    expect(c.household.members.map((m: any) => m.id)).toContain(stored.id);
    expect(c.household.members[0].id).toBe(c.household.head.id);
    for (const member of c.household.members) {
      expect(member.household.id).toBe(stored.householdId);
      expect(member.residence.id).toBe(stored.residenceId);
    }
  });

  it('returns null for an id no citizen has', async () => {
    const data = await queryOk(running, '{ citizen(id: "C-NO-SUCH") { id } }');
    expect(data.citizen).toBeNull();
  });
});

describe('citizenByCccd', () => {
  it('finds a citizen by a known CCCD', async () => {
    const data = await queryOk(running, 'query($cccd: String!) { citizenByCccd(cccd: $cccd) { id cccd fullName } }', { cccd: stored.cccd });
    expect(data.citizenByCccd).toEqual({ id: stored.id, cccd: stored.cccd, fullName: stored.fullName });
  });

  it('returns null for a well-formed CCCD nobody has', async () => {
    // Same prefix as a real one; the 6 random digits changed until no stored row has them.
    const em = running.database.orm.em.fork();
    let unknown = stored.cccd;
    for (let n = 0; (await em.count(Citizen, { cccd: unknown })) > 0; n += 1) {
      unknown = stored.cccd.slice(0, 6) + String((Number(stored.cccd.slice(6)) + 7919 * (n + 1)) % 1_000_000).padStart(6, '0');
    }
    expect(isWellFormedCccd(unknown)).toBe(true);
    const data = await queryOk(running, 'query($cccd: String!) { citizenByCccd(cccd: $cccd) { id } }', { cccd: unknown });
    expect(data.citizenByCccd).toBeNull();
  });

  it.each(['', 'abc', '07419000123', '0741900012345', '000190001234', '074490001234', '07419000123X', ' 074190001234'])(
    'rejects the malformed CCCD %j with BAD_USER_INPUT and says the format',
    async (cccd) => {
      const response = await postGraphQL(running.url, 'query($cccd: String!) { citizenByCccd(cccd: $cccd) { id } }', { cccd });
      expect(response.status).toBeLessThan(500);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toMatch(/12 digits/);
    },
  );
});
