import './isolate-metadata';
import { AdministrativeLevel, allUnits, RunningSubgraph, vnDayStartUtc, vnDayEndUtcExclusive } from '../../kit';
import { Dossier } from '../entities/dossier';
import { fetchDossierCounts, StatsQueryKey } from '../sql/dossier-stats';
import { rebuildDailyStats } from '../sql/daily-stats';
import { EMPTY_COUNTS } from '../types/dossier-stats';
import { startDossiers } from './support';

// The stats read the daily roll-up; these tests count the dossier rows themselves and check
// that both agree, for every kind of unit and for periods that start and end mid-month.

let running: RunningSubgraph;
beforeAll(async () => {
  running = await startDossiers();
});
afterAll(() => running.stop());

async function countDirectly(key: StatsQueryKey): Promise<typeof EMPTY_COUNTS> {
  const em = running.database.orm.em.fork();
  const where: Record<string, unknown> = { submittedAt: { $gte: key.fromUtc, $lt: key.toUtcExclusive } };
  if (key.selector === 'UNIT') where.receivingUnitId = key.unitId;
  if (key.selector === 'DISTRICT') where.receivingDistrictId = key.unitId;
  const rows = await em.find(Dossier, where as any);
  const completed = rows.filter((d) => d.status === 'COMPLETED');
  return {
    total: rows.length,
    submittedOnline: rows.filter((d) => d.channel === 'ONLINE').length,
    completed: completed.length,
    completedOnTime: completed.filter((d) => d.completedAt !== null && d.completedAt <= d.dueAt).length,
    withElectronicResult: completed.filter((d) => d.electronicResult).length,
    digitized: rows.filter((d) => d.digitized).length,
    syncedToNationalPortal: rows.filter((d) => d.syncedToNationalPortal).length,
    paying: rows.filter((d) => d.paymentMethod !== 'NONE').length,
    paidOnline: rows.filter((d) => d.paymentMethod === 'ONLINE').length,
  };
}

const district = allUnits().find((u) => u.level === AdministrativeLevel.DISTRICT)!;
const commune = allUnits().find((u) => u.level === AdministrativeLevel.COMMUNE && u.parentId === district.id)!;
const period = (from: string, to: string) => ({ fromUtc: vnDayStartUtc(from), toUtcExclusive: vnDayEndUtcExclusive(to) });
const KEYS: StatsQueryKey[] = [
  { selector: 'ALL', unitId: '74', ...period('2023-03-17', '2023-11-04') },
  { selector: 'UNIT', unitId: '74', ...period('2022-01-01', '2024-09-30') },
  { selector: 'DISTRICT', unitId: district.id, ...period('2023-12-03', '2023-12-04') },
  { selector: 'UNIT', unitId: district.id, ...period('2022-06-15', '2024-02-29') },
  { selector: 'UNIT', unitId: commune.id, ...period('2022-02-01', '2023-07-31') },
];

test('the roll-up gives the same counts as counting the dossiers, for every selector, in one statement', async () => {
  running.database.resetSqlStatements();
  const fromRollup = await fetchDossierCounts(running.database.orm.em.fork(), KEYS);
  expect(running.database.sqlStatements()).toBe(1);
  for (const [i, key] of KEYS.entries()) expect(fromRollup[i]).toEqual(await countDirectly(key));
  expect(fromRollup.every((c) => c.total > 0)).toBe(true);
});

test('a day boundary is a Vietnamese midnight: the two pinned submissions near 2023-12-04 00:00 fall on their own days', async () => {
  const [before, after] = await fetchDossierCounts(running.database.orm.em.fork(), [
    { selector: 'ALL', unitId: '74', ...period('2023-12-03', '2023-12-03') },
    { selector: 'ALL', unitId: '74', ...period('2023-12-04', '2023-12-04') },
  ]);
  expect(before).toEqual(await countDirectly({ selector: 'ALL', unitId: '74', ...period('2023-12-03', '2023-12-03') }));
  expect(after).toEqual(await countDirectly({ selector: 'ALL', unitId: '74', ...period('2023-12-04', '2023-12-04') }));
});

test('rebuilding the roll-up from the dossiers gives the same figures', async () => {
  const em = running.database.orm.em.fork();
  const beforeRebuild = await fetchDossierCounts(em, KEYS);
  await em.transactional((tx) => rebuildDailyStats(tx));
  expect(await fetchDossierCounts(running.database.orm.em.fork(), KEYS)).toEqual(beforeRebuild);
});
