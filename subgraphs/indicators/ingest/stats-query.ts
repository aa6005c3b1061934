import type { Period } from '../domain/periods';
import { DOSSIER_RATE_INDICATORS, DossierRateField } from './dossier-rates';
import { RefreshError, RefreshErrorCode } from './errors';

/** One unit's rates for one week as the gateway answered them; null where nothing was there to divide. */
export interface UnitWeekRates {
  unitId: string;
  parentUnitId: string | null;
  week: Period;
  rates: Record<DossierRateField, number | null>;
}

/**
 * Aliases a week costs in the gateway's MAX_ALIASES count: its `dossierStats` alias is spread
 * once under the province and once under its children.
 */
export const ALIASES_PER_WEEK = 2;

/**
 * One request for a batch of weeks: the unit (the province) and its children (the 9
 * districts), each with one aliased `dossierStats(from, to)` per week. The children are a list
 * field, so the districts cost no aliases of their own: 15 weeks × 10 units take 30 aliases.
 */
export function dossierRatesQuery(weekCount: number): string {
  const indexes = Array.from({ length: weekCount }, (_, i) => i);
  const fields = DOSSIER_RATE_INDICATORS.map((r) => r.field).join(' ');
  const variables = indexes.map((i) => `$from${i}: Date!, $to${i}: Date!`).join(', ');
  const weeks = indexes.map((i) => `  w${i}: dossierStats(from: $from${i}, to: $to${i}) { ${fields} }`).join('\n');
  return `query IocDossierRates($unitId: ID!, ${variables}) {
  administrativeUnit(id: $unitId) { id ...Weeks children { id ...Weeks } }
}
fragment Weeks on AdministrativeUnit {
${weeks}
}`;
}

export function dossierRatesVariables(unitId: string, weeks: readonly Period[]): Record<string, string> {
  const variables: Record<string, string> = { unitId };
  weeks.forEach((week, i) => {
    variables[`from${i}`] = week.periodStart;
    variables[`to${i}`] = week.periodEnd;
  });
  return variables;
}

type StatsAnswer = Partial<Record<DossierRateField, unknown>> | null | undefined;
type UnitAnswer = { id: string; children?: UnitAnswer[] } & Record<string, unknown>;

function ratesOf(stats: StatsAnswer): Record<DossierRateField, number | null> {
  const rates = {} as Record<DossierRateField, number | null>;
  for (const { field } of DOSSIER_RATE_INDICATORS) {
    const value = stats?.[field];
    rates[field] = typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  return rates;
}

/** The rates of every unit and week of an answer to dossierRatesQuery, the unit first. */
export function readDossierRates(data: { administrativeUnit?: UnitAnswer | null }, unitId: string, weeks: readonly Period[]): UnitWeekRates[] {
  const unit = data.administrativeUnit;
  if (!unit || unit.id !== unitId || !Array.isArray(unit.children)) {
    throw new RefreshError(RefreshErrorCode.UNEXPECTED_ANSWER, `The gateway does not know administrative unit ${unitId} or its children: is it serving this project's population and dossiers subgraphs?`);
  }
  const units: { answer: UnitAnswer; parentUnitId: string | null }[] = [
    { answer: unit, parentUnitId: null },
    ...unit.children.map((child) => ({ answer: child, parentUnitId: unitId })),
  ];
  return units.flatMap(({ answer, parentUnitId }) =>
    weeks.map((week, i) => ({ unitId: answer.id, parentUnitId, week, rates: ratesOf(answer[`w${i}`] as StatsAnswer) })),
  );
}
