import {
  allUnits,
  childrenOf,
  citizenId,
  DISTRICT_POPULATION_SHARES,
  FULL_SCALE,
  PROVINCE_ID,
  Random,
  REFERENCE_DATE,
  scaled,
} from '../../kit';
import { Gender } from '../entities/gender';
import { searchText } from '../../kit/search-text';
import { apportion } from './apportion';
import { CccdIssuer } from './cccd';
import { householdId } from './household-id';
import { residence2025Of } from './residence-2025';
import { ETHNICITIES, GIVEN_NAMES, KINH_SURNAMES, MIDDLE_NAMES, MIGRANT_ORIGINS, MINORITY_ORIGINS, MINORITY_SURNAMES, Weighted } from './names';

export interface CitizenRow {
  id: string;
  cccd: string;
  fullName: string;
  searchName: string;
  birthDate: string;
  gender: Gender;
  ethnicity: string;
  residenceId: string;
  districtId: string;
  residence2025Id: string;
  householdId: string;
  electronicIdLevel: number;
}

export interface HouseholdRow {
  id: string;
  headId: string;
  residenceId: string;
  districtId: string;
  residence2025Id: string;
}

export interface GeneratedHousehold {
  household: HouseholdRow;
  members: CitizenRow[];
}

const REFERENCE_YEAR = Number(REFERENCE_DATE.slice(0, 4));
/** Oldest age on the reference date, so that nobody is born before 1930. */
const MAX_AGE = REFERENCE_YEAR - 1931;
const ADULT_AGE = 18;

/** Household sizes 1–7, mean about 3 (DOMAIN.md: average household about 3 people). */
const HOUSEHOLD_SIZES: Weighted<number> = [[1, 16], [2, 24], [3, 25], [4, 20], [5, 9], [6, 4], [7, 2]];

/** Age of a head of a family household (ranges, drawn uniformly inside). */
const FAMILY_HEAD_AGES: Weighted<[number, number]> = [[[22, 29], 18], [[30, 39], 32], [[40, 49], 24], [[50, 59], 14], [[60, 69], 8], [[70, 85], 4]];
/** Age of a person living alone: many young migrant workers, some elderly. */
const SINGLE_AGES: Weighted<[number, number]> = [[[18, 24], 30], [[25, 34], 35], [[35, 49], 18], [[50, 64], 10], [[65, 90], 7]];

/** Share of households that moved in from another province: high in the industrial south. */
const MIGRANT_SHARE_BY_DISTRICT: Readonly<Record<string, number>> = {
  '725': 0.55, '724': 0.55, '723': 0.5, '721': 0.5, '718': 0.4, '726': 0.35, '719': 0.35, '720': 0.2, '722': 0.2,
};
/** Relative density of commune kinds when spreading a district's residents. */
const COMMUNE_TYPE_WEIGHT: Readonly<Record<string, number>> = { phuong: 1.5, thi_tran: 1.0, xa: 0.7 };

type Role = 'head' | 'spouse' | 'child' | 'parent';
interface Person {
  role: Role;
  gender: Gender;
  age: number;
}

const clampAge = (age: number) => Math.max(0, Math.min(MAX_AGE, age));
const otherGender = (g: Gender) => (g === Gender.MALE ? Gender.FEMALE : Gender.MALE);

function drawAge(random: Random, ranges: Weighted<[number, number]>): number {
  const [min, max] = random.weighted(ranges);
  return random.between(min, max);
}

/** Who lives in a household of `size`: a head (adult), often a spouse, children, sometimes a parent of the head. */
function composeHousehold(random: Random, size: number): Person[] {
  if (size === 1) return [{ role: 'head', gender: random.chance(0.5) ? Gender.MALE : Gender.FEMALE, age: drawAge(random, SINGLE_AGES) }];
  const head: Person = { role: 'head', gender: random.chance(0.62) ? Gender.MALE : Gender.FEMALE, age: drawAge(random, FAMILY_HEAD_AGES) };
  const people: Person[] = [head];
  if (random.chance(0.85)) {
    const gap = random.between(-2, 7); // husbands are usually a little older
    const age = head.gender === Gender.MALE ? head.age - gap : head.age + gap;
    people.push({ role: 'spouse', gender: otherGender(head.gender), age: Math.max(ADULT_AGE, clampAge(age)) });
  }
  if (people.length + 2 <= size && head.age <= 60 && random.chance(0.25)) {
    people.push({ role: 'parent', gender: random.chance(0.65) ? Gender.FEMALE : Gender.MALE, age: clampAge(head.age + random.between(22, 35)) });
  }
  while (people.length < size) {
    let age = head.age - random.between(20, 38);
    if (age < 0) age = random.int(Math.max(1, head.age - 19));
    people.push({ role: 'child', gender: random.chance(0.51) ? Gender.MALE : Gender.FEMALE, age });
  }
  return people;
}

/** A birth date giving exactly `age` full years on the reference date (2024-09-30). */
function birthDateForAge(random: Random, age: number): string {
  const latest = Date.UTC(REFERENCE_YEAR - age, 8, 30); // 30 September
  const earliest = Date.UTC(REFERENCE_YEAR - age - 1, 9, 1); // 1 October a year before
  const day = random.int(Math.round((latest - earliest) / 86_400_000) + 1);
  return new Date(earliest + day * 86_400_000).toISOString().slice(0, 10);
}

/** VNeID level: adults mostly level 2, young children none. */
function electronicIdLevel(random: Random, age: number): number {
  if (age < 6) return 0;
  if (age < 14) return random.chance(0.05) ? 1 : 0;
  if (age < ADULT_AGE) return random.weighted([[2, 60], [1, 10], [0, 30]] as const);
  if (age < 70) return random.weighted([[2, 82], [1, 8], [0, 10]] as const);
  return random.weighted([[2, 55], [1, 10], [0, 35]] as const);
}

function surnameFor(random: Random, ethnicity: string): string {
  const own = MINORITY_SURNAMES[ethnicity];
  return own ? random.pick(own) : random.weighted(KINH_SURNAMES);
}

function fullNameFor(random: Random, surname: string, gender: Gender): string {
  const middle = random.weighted(MIDDLE_NAMES[gender]);
  let given = random.pick(GIVEN_NAMES[gender]);
  if (given === middle) given = random.pick(GIVEN_NAMES[gender]);
  return `${surname} ${middle} ${given}`;
}

/** Residents per commune: districts by their published shares, communes by kind with ±40% variation. */
export function residentsPerCommune(total: number): Map<string, number> {
  const random = new Random('population:communes');
  const districts = childrenOf(PROVINCE_ID).map((d) => d.id);
  const perDistrict = apportion(total, districts.map((id) => DISTRICT_POPULATION_SHARES[id] ?? 0));
  const result = new Map<string, number>();
  districts.forEach((districtId, d) => {
    const communes = childrenOf(districtId);
    const weights = communes.map((c) => (COMMUNE_TYPE_WEIGHT[c.communeType ?? 'xa'] ?? 1) * (0.6 + 0.8 * random.next()));
    apportion(perDistrict[d], weights).forEach((count, c) => result.set(communes[c].id, count));
  });
  return result;
}

/**
 * The province's residents, household by household, deterministically for a scale. Citizen
 * indexes 0…n−1 (n = scaled(FULL_SCALE.citizens, scale)) are handed out in a shuffled order,
 * so citizenId(i) exists for every i and low indexes are not all in one district.
 */
export function* generateHouseholds(scale: number): Generator<GeneratedHousehold> {
  const total = scaled(FULL_SCALE.citizens, scale);
  const random = new Random('population:residents');
  const cccds = new CccdIssuer(new Random('population:cccd'));
  const order = new Random('population:citizen-order').shuffle(Array.from({ length: total }, (_, i) => i));
  let nextPerson = 0;
  let nextHousehold = 0;

  const communeCounts = residentsPerCommune(total);
  for (const unit of allUnits()) {
    const remainingStart = communeCounts.get(unit.id);
    if (remainingStart === undefined) continue;
    const districtId = unit.parentId as string;
    const migrantShare = MIGRANT_SHARE_BY_DISTRICT[districtId] ?? 0.4;
    let remaining = remainingStart;
    while (remaining > 0) {
      const size = Math.min(remaining, random.weighted(HOUSEHOLD_SIZES));
      remaining -= size;
      const id = householdId(nextHousehold++);
      const residence2025Id = residence2025Of(id, unit.id);

      const ethnicity = random.weighted(ETHNICITIES);
      const minorityOrigins = MINORITY_ORIGINS[ethnicity];
      const migrant = random.chance(minorityOrigins && ethnicity !== 'Hoa' ? 0.8 : migrantShare);
      const origin = migrant ? (minorityOrigins ? random.pick(minorityOrigins) : random.weighted(MIGRANT_ORIGINS)) : '074';
      const familySurname = surnameFor(random, ethnicity);

      const people = composeHousehold(random, size);
      const head = people[0];
      // Children take the father's surname; wives keep their own; a parent shares the head's
      // surname when it is the head's father.
      const headSurname = head.gender === Gender.MALE ? familySurname : surnameFor(random, ethnicity);
      const members = people.map((person): CitizenRow => {
        const ownEthnicity = person.role === 'spouse' && random.chance(0.1) ? 'Kinh' : ethnicity;
        let surname: string;
        if (person.role === 'head') surname = headSurname;
        else if (person.role === 'child') surname = familySurname;
        else if (person.gender === Gender.MALE) surname = person.role === 'spouse' ? familySurname : headSurname;
        else surname = surnameFor(random, ownEthnicity);

        let province = origin;
        if (person.role === 'child') province = random.chance(person.age < 15 ? 0.65 : 0.3) ? '074' : origin;
        else if (person.role === 'spouse' && random.chance(migrant ? 0.4 : 0.1)) province = random.weighted(MIGRANT_ORIGINS);

        const birthDate = birthDateForAge(random, person.age);
        const fullName = fullNameFor(random, surname, person.gender);
        return {
          id: citizenId(order[nextPerson++]),
          cccd: cccds.issue(province, Number(birthDate.slice(0, 4)), person.gender),
          fullName,
          searchName: searchText(fullName),
          birthDate,
          gender: person.gender,
          ethnicity: ownEthnicity,
          residenceId: unit.id,
          districtId,
          residence2025Id,
          householdId: id,
          electronicIdLevel: electronicIdLevel(random, person.age),
        };
      });
      yield { household: { id, headId: members[0].id, residenceId: unit.id, districtId, residence2025Id }, members };
    }
  }
}
