import { HCMC_ID, PROVINCE_ID, RunningSubgraph, StatsScope, unitsOverTime } from '../../kit';
import { Citizen } from '../entities/citizen.entity';
import { UnitResidents } from '../entities/unit-residents.entity';
import { createLoaders, populationKey } from '../loaders';
import { rebuildUnitResidents } from '../seed/unit-residents';
import { startPopulation } from './support';

// `population` reads the resident roll-up; these tests count the citizens themselves for
// every unit of both periods and check that both agree.

let running: RunningSubgraph;
let citizens: Citizen[];
beforeAll(async () => {
  running = await startPopulation();
  citizens = await running.database.orm.em.fork().find(Citizen, {});
});
afterAll(() => running.stop());

function countedDirectly(unitId: string): number {
  if (unitId === PROVINCE_ID) return citizens.length;
  if (unitId === HCMC_ID) return citizens.filter((c) => c.residence2025Id !== null).length;
  return citizens.filter((c) => c.residenceId === unitId || c.districtId === unitId || c.residence2025Id === unitId).length;
}

test('every unit of both periods: the roll-up equals the count of its residents, all read in one statement', async () => {
  const units = unitsOverTime();
  const loaders = createLoaders(running.database.orm.em.fork());
  running.database.resetSqlStatements();
  const counts = await Promise.all(units.map((u) => loaders.population.load(populationKey(u, StatsScope.SUBTREE))));
  expect(running.database.sqlStatements()).toBe(1);
  expect(units.length).toBe(138);
  for (const [i, unit] of units.entries()) expect([unit.id, counts[i]]).toEqual([unit.id, countedDirectly(unit.id)]);
  expect(counts[units.findIndex((u) => u.id === PROVINCE_ID)]).toBeGreaterThan(0);
});

test('rebuilding the roll-up from the citizens gives the same rows', async () => {
  const em = running.database.orm.em.fork();
  const before = await em.find(UnitResidents, {}, { orderBy: { unitId: 'asc' } });
  await em.transactional((tx) => rebuildUnitResidents(tx));
  const after = await running.database.orm.em.fork().find(UnitResidents, {}, { orderBy: { unitId: 'asc' } });
  expect(after.map((r) => [r.unitId, r.residents])).toEqual(before.map((r) => [r.unitId, r.residents]));
});
