import { citizenId, FULL_SCALE, RunningSubgraph, scaled } from '../../kit';
import { allBusinesses, BusinessNode, queryData, startBusiness, testScale } from './harness';

const CITIZEN_BUSINESSES = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Citizen { id businesses { taxCode name industry { name } legalRepresentative { id } } } }
}`;
const CITIZEN_BUSINESS_NAMES = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Citizen { businesses { name industry { name } } } }
}`;

const citizens = (ids: string[]) => ids.map((id) => ({ __typename: 'Citizen', id }));

describe('Citizen.businesses through _entities', () => {
  let running: RunningSubgraph;
  let byRepresentative: Map<string, string[]>;
  let nonRepresentatives: string[];
  beforeAll(async () => {
    running = await startBusiness();
    const { nodes } = await allBusinesses(running);
    byRepresentative = new Map();
    for (const b of nodes as BusinessNode[]) {
      const id = b.legalRepresentative!.id;
      byRepresentative.set(id, [...(byRepresentative.get(id) ?? []), b.taxCode]);
    }
    const citizenCount = scaled(FULL_SCALE.citizens, testScale());
    nonRepresentatives = [];
    for (let k = 0; nonRepresentatives.length < 60; k += 1) {
      if (k >= citizenCount) throw new Error('too few citizens without a business');
      if (!byRepresentative.has(citizenId(k))) nonRepresentatives.push(citizenId(k));
    }
  });
  afterAll(() => running.stop());

  it('seeds representatives among the citizens, some representing two or more businesses', () => {
    const citizenCount = scaled(FULL_SCALE.citizens, testScale());
    const known = new Set(Array.from({ length: citizenCount }, (_, k) => citizenId(k)));
    for (const id of byRepresentative.keys()) expect(known.has(id)).toBe(true);
    expect([...byRepresentative.values()].some((codes) => codes.length >= 2)).toBe(true);
  });

  it('lists exactly the businesses each citizen represents, by tax code; [] for others', async () => {
    const multi = [...byRepresentative.keys()].filter((id) => byRepresentative.get(id)!.length >= 2);
    const single = [...byRepresentative.keys()].filter((id) => byRepresentative.get(id)!.length === 1).slice(0, 5);
    const ids = [...multi, ...single, ...nonRepresentatives.slice(0, 5)];
    const data = await queryData(running, CITIZEN_BUSINESSES, { r: citizens(ids) });
    expect(data._entities).toHaveLength(ids.length);
    data._entities.forEach((entity: any, i: number) => {
      expect(entity.id).toBe(ids[i]);
      expect(entity.businesses.map((b: any) => b.taxCode)).toEqual(byRepresentative.get(ids[i]) ?? []);
      for (const b of entity.businesses) {
        expect(b.legalRepresentative.id).toBe(ids[i]);
        expect(b.industry.name.length).toBeGreaterThan(3);
      }
    });
  });

  it('runs the same number of SQL statements for 10 and for 50 citizens', async () => {
    const representatives = [...byRepresentative.keys()];
    const pick = (n: number) => [...representatives.slice(0, Math.ceil(n / 2)), ...nonRepresentatives].slice(0, n);
    const count = async (ids: string[]) => {
      running.database.resetSqlStatements();
      const data = await queryData(running, CITIZEN_BUSINESS_NAMES, { r: citizens(ids) });
      expect(data._entities).toHaveLength(ids.length);
      expect(data._entities.some((e: any) => e.businesses.length > 0)).toBe(true);
      return running.database.sqlStatements();
    };
    const ten = await count(pick(10));
    const fifty = await count(pick(50));
    expect(ten).toBe(fifty);
    expect(fifty).toBe(2); // businesses of all citizens, then their industries
  });
});
