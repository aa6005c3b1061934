import { AggregationRule, AggregationWeight } from '../entities/enums';
import { normaliseName } from '../domain/normalise';
import { DERIVED_INDICATORS } from './derived';
import { SPECIAL_INDICATORS, SpecialIndicatorTemplate } from './published';
import { SECTORS } from './sectors';
import { FREQUENCY_CODES, IndicatorSpec, KIND_RULES, MetricKind } from './spec';
import { TARGETS } from './targets';

/**
 * Every sector holds this many seeded indicators: 27 × 38 = 1,026, "over 1,000 in 27 sectors";
 * the indicators a job derives from other domains (derived.ts) come on top.
 */
export const INDICATORS_PER_SECTOR = 38;

/** Every 8th generated indicator (that can be rolled up) is reported by the districts only. */
const ROLLUP_ONLY_EVERY = 8;

function specOf(
  fields: Omit<IndicatorSpec, 'higherIsBetter' | 'aggregation' | 'aggregationWeight' | 'pinned' | 'designed'> & Partial<IndicatorSpec>,
): IndicatorSpec {
  const rule = KIND_RULES[fields.kind as MetricKind];
  return {
    higherIsBetter: rule.higherIsBetter,
    aggregation: rule.aggregation,
    aggregationWeight: rule.aggregation === AggregationRule.WEIGHTED_AVERAGE ? AggregationWeight.POPULATION_SHARE : null,
    pinned: [],
    designed: new Map(),
    ...fields,
  };
}

/** The spec of an indicator with a fixed code (published, programme or derived). */
function fixedSpec(s: SpecialIndicatorTemplate, sector: { code: string; source: string }): IndicatorSpec {
  return specOf({
    code: s.code,
    name: s.name,
    measure: s.measure,
    sectorCode: sector.code,
    frequency: FREQUENCY_CODES[s.frequency],
    source: s.source ?? sector.source,
    kind: s.kind,
    level: s.level,
    coverage: s.coverage,
    special: true,
    decimals: s.decimals,
    pinned: s.pinned ?? [],
  });
}

/**
 * The whole catalogue, in code order within each sector: the special indicators first (fixed
 * codes), then the sector's metrics and their breakdowns until the sector holds 38, then the
 * derived indicators (fixed codes, no seeded observations). The catalogue does not depend on
 * the seed scale.
 */
export function buildCatalog(): IndicatorSpec[] {
  const specs: IndicatorSpec[] = [];
  let generated = 0;
  for (const sector of SECTORS) {
    const specials = SPECIAL_INDICATORS.filter((s) => s.code.startsWith(`${sector.code}-`));
    const names = new Set<string>();
    for (const s of specials) {
      names.add(normaliseName(s.name));
      specs.push(fixedSpec(s, sector));
    }
    const candidates = [
      ...sector.metrics.map((m) => ({ metric: m, name: m[0] })),
      ...sector.breakdowns.flatMap((b) => sector.metrics.map((m) => ({ metric: m, name: `${m[0]} (${b})` }))),
    ].filter((c) => !names.has(normaliseName(c.name)));
    const needed = INDICATORS_PER_SECTOR - specials.length;
    if (candidates.length < needed) throw new Error(`Sector ${sector.code} has ${candidates.length} candidate indicators, needs ${needed}`);
    candidates.slice(0, needed).forEach((c, i) => {
      const [, measure, kind, frequency, level] = c.metric;
      const rollupOnly = generated % ROLLUP_ONLY_EVERY === 3 && KIND_RULES[kind].aggregation !== AggregationRule.LAST;
      specs.push(
        specOf({
          code: `${sector.code}-${String(specials.length + i + 1).padStart(3, '0')}`,
          name: c.name,
          measure,
          sectorCode: sector.code,
          frequency: FREQUENCY_CODES[frequency],
          source: sector.source,
          kind,
          level,
          coverage: rollupOnly ? 'districts' : 'all',
          special: false,
          generatedIndex: generated,
        }),
      );
      generated += 1;
    });
    for (const d of DERIVED_INDICATORS.filter((s) => s.code.startsWith(`${sector.code}-`))) {
      if (d.code <= specs[specs.length - 1].code) throw new Error(`Derived indicator ${d.code} must come after the sector's seeded codes`);
      specs.push(fixedSpec(d, sector));
    }
  }
  attachDesignedSeries(specs);
  return specs;
}

function attachDesignedSeries(specs: IndicatorSpec[]): void {
  const byCode = new Map(specs.map((s) => [s.code, s]));
  for (const target of TARGETS) {
    const spec = byCode.get(target.indicatorCode);
    if (!spec) throw new Error(`Target of ${target.programme} names the unknown indicator ${target.indicatorCode}`);
    if (target.designed) spec.designed.set(target.unitId, target.designed);
  }
}
