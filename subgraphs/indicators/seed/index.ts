import type { EntityManager } from '@mikro-orm/core';
import { allUnits, AdministrativeLevel, childrenOf, DISTRICT_POPULATION_SHARES, Logger, PROVINCE_ID, REFERENCE_DATE, SeedProgress, bulkInsert } from '../../kit';
import { normaliseName } from '../domain/normalise';
import { targetStatus } from '../domain/target-status';
import { Indicator } from '../entities/indicator';
import { ObservationRow } from '../entities/observation-row';
import { RollupWeight } from '../entities/rollup-weight';
import { Sector } from '../entities/sector';
import { Target } from '../entities/target';
import { buildCatalog } from './catalog';
import { observationsOf, ObservationSeed } from './generate';
import { SECTORS } from './sectors';
import type { IndicatorSpec } from './spec';
import { PROGRAMME_KEYS, TARGETS } from './targets';

/** The scale at and above which every indicator has its full province and district series. */
export const FULL_SERIES_SCALE = 0.01;

async function insertChunked<T extends object>(em: EntityManager, entity: new () => T, rows: object[], progress: SeedProgress): Promise<void> {
  await bulkInsert(em, entity, rows as Partial<T>[], { total: rows.length, progress });
}

/**
 * Below FULL_SERIES_SCALE an ordinary indicator keeps only its province series, except a
 * share of them (proportional to the scale, e.g. 2 in 10 at 0.002) that keep the districts'
 * series too. The catalogue, the published figures and the targets never thin out.
 */
export function hasFullSeries(spec: IndicatorSpec, scale: number): boolean {
  if (spec.special) return true;
  const tenths = Math.round(10 * Math.min(1, scale / FULL_SERIES_SCALE));
  return (spec.generatedIndex ?? 0) % 10 < tenths;
}

/** Weights of WEIGHTED_AVERAGE roll-ups: population shares of districts, split evenly over each district's communes. */
function rollupWeights(): RollupWeight[] {
  return allUnits().map((unit) => {
    if (unit.id === PROVINCE_ID) return { unitId: unit.id, weight: 1 };
    if (unit.level === AdministrativeLevel.DISTRICT) return { unitId: unit.id, weight: DISTRICT_POPULATION_SHARES[unit.id] };
    const district = unit.parentId!;
    return { unitId: unit.id, weight: DISTRICT_POPULATION_SHARES[district] / childrenOf(district).length };
  });
}

function formatTarget(spec: IndicatorSpec, value: number): string {
  if (spec.measure === '%') return `${Math.round(value * 1000) / 10}%`;
  return `${value.toLocaleString('vi-VN')} ${spec.measure}`;
}

/** "Tỷ lệ … đạt tối thiểu 80% vào 31/12/2025" */
function targetName(spec: IndicatorSpec, value: number, deadline: string): string {
  const [y, m, d] = deadline.split('-');
  return `${spec.name} ${spec.higherIsBetter ? 'đạt tối thiểu' : 'không quá'} ${formatTarget(spec, value)} vào ${d}/${m}/${y}`;
}

/** The planned statuses must come out of the rule on the seeded data; a wrong seed fails loudly. */
function checkIntendedStatuses(specs: Map<string, IndicatorSpec>, observations: ObservationSeed[]): void {
  for (const t of TARGETS) {
    if (!t.intended) continue;
    const series = observations.filter((o) => o.indicatorCode === t.indicatorCode && o.unitId === t.unitId);
    const spec = specs.get(t.indicatorCode)!;
    const status = targetStatus({ targetValue: t.targetValue, deadline: t.deadline, higherIsBetter: spec.higherIsBetter }, series, REFERENCE_DATE);
    if (status !== t.intended) throw new Error(`Seed error: target ${t.programme} ${t.indicatorCode} comes out ${status}, planned ${t.intended}`);
  }
}

/** The `indicator` row of a catalogue entry (also used by ../ingest for indicators added after seeding). */
export function indicatorRowOf(s: IndicatorSpec): Indicator {
  return {
    code: s.code,
    name: s.name,
    nameNormalised: normaliseName(s.name),
    measure: s.measure,
    sectorCode: s.sectorCode,
    frequency: s.frequency,
    higherIsBetter: s.higherIsBetter,
    source: s.source,
    aggregation: s.aggregation,
    aggregationWeight: s.aggregationWeight,
  };
}

export async function seedIndicators(em: EntityManager, scale: number, log: Logger, progress: SeedProgress): Promise<void> {
  await insertChunked(em, Sector, SECTORS.map((s) => ({ code: s.code, name: s.name })), progress);
  await insertChunked(em, RollupWeight, rollupWeights(), progress);
  log.info({ table: 'sector', rows: SECTORS.length }, 'seeded sectors and roll-up weights');

  const catalog = buildCatalog();
  await insertChunked(
    em,
    Indicator,
    catalog.map(indicatorRowOf),
    progress,
  );
  log.info({ table: 'indicator', rows: catalog.length }, 'seeded indicators');

  const observations = catalog.flatMap((spec) => observationsOf(spec, hasFullSeries(spec, scale)));
  const specs = new Map(catalog.map((s) => [s.code, s]));
  checkIntendedStatuses(specs, observations);
  await insertChunked(em, ObservationRow, observations.map((o, i) => ({ id: i + 1, ...o })), progress);
  log.info({ table: 'observation', rows: observations.length }, 'seeded observations');

  const counters = new Map<string, number>();
  const targets = TARGETS.map((t) => {
    const n = (counters.get(t.programme) ?? 0) + 1;
    counters.set(t.programme, n);
    return {
      id: `${PROGRAMME_KEYS[t.programme] ?? t.programme}#${String(n).padStart(2, '0')}`,
      programme: t.programme,
      name: targetName(specs.get(t.indicatorCode)!, t.targetValue, t.deadline),
      indicatorCode: t.indicatorCode,
      unitId: t.unitId,
      targetValue: t.targetValue,
      deadline: t.deadline,
    };
  });
  await insertChunked(em, Target, targets, progress);
  log.info({ table: 'target', rows: targets.length }, 'seeded targets');
}
