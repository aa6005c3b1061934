import { citizenId, FULL_SCALE, isCalendarDate, isWellFormedCccd, REFERENCE_DATE, RunningSubgraph, scaled, unitById } from '../../kit';
import { Citizen } from '../entities/citizen.entity';
import { Household } from '../entities/household.entity';
import { generateHouseholds } from '../seed/generate';
import { MIDDLE_NAMES } from '../seed/names';
import { seededCitizenCount, startPopulation } from './support';

let running: RunningSubgraph;
let citizens: Citizen[];
let households: Household[];
const scale = () => Number(process.env.SEED_SCALE);

/** Full years of age on the reference date. */
function ageOn(birthDate: string, on = REFERENCE_DATE): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

beforeAll(async () => {
  running = await startPopulation();
  const em = running.database.orm.em.fork();
  citizens = await em.find(Citizen, {}, { orderBy: { id: 'asc' } });
  households = await em.find(Household, {}, { orderBy: { id: 'asc' } });
});

afterAll(() => running.stop());

const share = (count: number) => count / citizens.length;
const countWhere = (keep: (c: Citizen) => boolean) => citizens.filter(keep).length;

describe('seeded citizens', () => {
  it('are exactly citizenId(i) for 0 <= i < scaled(FULL_SCALE.citizens, scale)', () => {
    const expected = Array.from({ length: scaled(FULL_SCALE.citizens, scale()) }, (_, i) => citizenId(i)).sort();
    expect(citizens.map((c) => c.id)).toEqual(expected);
    expect(citizens).toHaveLength(seededCitizenCount());
  });

  it('have unique, well-formed CCCDs consistent with birth date and sex', () => {
    expect(new Set(citizens.map((c) => c.cccd)).size).toBe(citizens.length);
    for (const c of citizens) {
      expect(isWellFormedCccd(c.cccd)).toBe(true);
      const year = Number(c.birthDate.slice(0, 4));
      const centuryDigit = (year >= 2000 ? 2 : 0) + (c.gender === 'FEMALE' ? 1 : 0);
      expect({ id: c.id, digit: c.cccd[3], yy: c.cccd.slice(4, 6) }).toEqual({ id: c.id, digit: String(centuryDigit), yy: c.birthDate.slice(2, 4) });
    }
  });

  it('were mostly registered at birth in Bình Dương (074), the others in several real provinces', () => {
    const provinces = new Map<string, number>();
    for (const c of citizens) provinces.set(c.cccd.slice(0, 3), (provinces.get(c.cccd.slice(0, 3)) ?? 0) + 1);
    expect(share(provinces.get('074') ?? 0)).toBeGreaterThan(0.5);
    expect(share(provinces.get('074') ?? 0)).toBeLessThan(0.8); // a province of migrants
    expect(provinces.size).toBeGreaterThan(20);
  });

  it('have birth dates from 1930 to the reference date, a plausible age pyramid and about as many men as women', () => {
    for (const c of citizens) {
      expect(isCalendarDate(c.birthDate)).toBe(true);
      expect(c.birthDate >= '1930-01-01' && c.birthDate <= REFERENCE_DATE).toBe(true);
    }
    const ages = citizens.map((c) => ageOn(c.birthDate));
    const under15 = ages.filter((a) => a < 15).length / ages.length;
    const working = ages.filter((a) => a >= 15 && a < 60).length / ages.length;
    const over60 = ages.filter((a) => a >= 60).length / ages.length;
    expect(under15).toBeGreaterThan(0.15);
    expect(under15).toBeLessThan(0.35);
    expect(working).toBeGreaterThan(0.55);
    expect(over60).toBeGreaterThan(0.04);
    expect(over60).toBeLessThan(0.2);
    expect(share(countWhere((c) => c.gender === 'MALE'))).toBeGreaterThan(0.47);
    expect(share(countWhere((c) => c.gender === 'MALE'))).toBeLessThan(0.53);
  });

  it('carry Vietnamese names: southern surname shares, middle names by sex', () => {
    const surnames = new Map<string, number>();
    for (const c of citizens) {
      const [surname, middle] = c.fullName.split(' ');
      surnames.set(surname, (surnames.get(surname) ?? 0) + 1);
      expect(MIDDLE_NAMES[c.gender].map(([name]) => name)).toContain(middle);
      expect(c.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
    }
    const count = (name: string) => surnames.get(name) ?? 0;
    expect(share(count('Nguyễn'))).toBeGreaterThan(0.3);
    expect(share(count('Nguyễn'))).toBeLessThan(0.45);
    expect(count('Huỳnh')).toBeGreaterThan(count('Hoàng'));
    expect(count('Võ')).toBeGreaterThan(count('Vũ'));
    expect([...surnames.entries()].sort((a, b) => b[1] - a[1])[0][0]).toBe('Nguyễn');
  });

  it('are about 95% Kinh, with Hoa, Khmer and other groups', () => {
    expect(share(countWhere((c) => c.ethnicity === 'Kinh'))).toBeGreaterThan(0.93);
    expect(share(countWhere((c) => c.ethnicity === 'Kinh'))).toBeLessThan(0.97);
    for (const group of ['Hoa', 'Khmer']) expect(countWhere((c) => c.ethnicity === group)).toBeGreaterThan(0);
  });

  it('have electronic ID level 2 mostly as adults and none as young children', () => {
    const adults = citizens.filter((c) => ageOn(c.birthDate) >= 18);
    expect(adults.filter((c) => c.electronicIdLevel === 2).length / adults.length).toBeGreaterThan(0.7);
    for (const c of citizens) {
      expect([0, 1, 2]).toContain(c.electronicIdLevel);
      if (ageOn(c.birthDate) < 6) expect(c.electronicIdLevel).toBe(0);
    }
  });

  it('live in communes, with the district denormalised correctly', () => {
    for (const c of citizens) {
      const unit = unitById(c.residenceId);
      expect(unit?.level).toBe('COMMUNE');
      expect(c.districtId).toBe(unit?.parentId);
    }
  });
});

describe('seeded households', () => {
  it('average about 3 people (1–7), with an adult head, all in the same commune', () => {
    const members = new Map<string, Citizen[]>();
    for (const c of citizens) members.set(c.householdId, [...(members.get(c.householdId) ?? []), c]);
    expect(members.size).toBe(households.length);
    const average = citizens.length / households.length;
    expect(average).toBeGreaterThan(2.7);
    expect(average).toBeLessThan(3.3);
    for (const h of households) {
      const people = members.get(h.id) ?? [];
      expect(people.length).toBeGreaterThanOrEqual(1);
      expect(people.length).toBeLessThanOrEqual(7);
      const head = people.find((p) => p.id === h.headId);
      expect(head).toBeDefined();
      expect(ageOn(head!.birthDate)).toBeGreaterThanOrEqual(18);
      for (const p of people) expect(p.residenceId).toBe(h.residenceId);
      expect(h.districtId).toBe(unitById(h.residenceId)?.parentId);
    }
  });

  it('have unique opaque ids that do not follow the seeding order (commune by commune)', () => {
    for (const h of households) expect(h.id).toMatch(/^H[0-9A-Z]{7}$/);
    expect(new Set(households.map((h) => h.id)).size).toBe(households.length);
    // In id order, neighbours are rarely in the same commune; in seeding order they almost always are.
    const sameCommune = households.slice(1).filter((h, k) => h.residenceId === households[k].residenceId).length;
    expect(sameCommune / households.length).toBeLessThan(0.1);
  });
});

describe('the seed generator', () => {
  it('is deterministic: generating again gives exactly the stored rows', () => {
    const generated: Pick<Citizen, 'id' | 'cccd' | 'fullName' | 'birthDate' | 'householdId'>[] = [];
    for (const { members } of generateHouseholds(scale())) generated.push(...members);
    const pick = (c: Pick<Citizen, 'id' | 'cccd' | 'fullName' | 'birthDate' | 'householdId'>) => [c.id, c.cccd, c.fullName, c.birthDate, c.householdId].join('|');
    expect(generated.map(pick).sort()).toEqual(citizens.map(pick).sort());
  });
});
