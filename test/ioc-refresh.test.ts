import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { requestLimitsConfig } from '../gateway/src/plugins/limits/config';
import { BUILT_IN_SUBGRAPHS, loadSubgraph } from '../subgraphs/catalog';
import { databaseConfig, DatabaseConfig } from '../subgraphs/kit/config';
import { PROVINCE_ID, RunningSubgraph, startSubgraph } from '../subgraphs/kit';
import { Indicator } from '../subgraphs/indicators/entities/indicator';
import { ObservationRow } from '../subgraphs/indicators/entities/observation-row';
import { DOSSIER_RATE_INDICATORS } from '../subgraphs/indicators/ingest/dossier-rates';
import { refreshDossierIndicators, RefreshSummary } from '../subgraphs/indicators/ingest/refresh';
import { lastWeeks } from '../subgraphs/indicators/ingest/weeks';
import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';
import { testSigningSecret } from './support/test-env';

// `npm run ioc:refresh`: the weekly dossier indicators are the live dossierStats, read through
// the gateway and written into the indicators database; an indicator's latest observation
// equals dossierStats of the same unit and week, and a second run replaces, never duplicates.

const WEEKS = lastWeeks(6);
const DISTRICT = '718'; // Thành phố Thủ Dầu Một
const CODES = DOSSIER_RATE_INDICATORS.map((r) => r.indicatorCode);
// A lower alias limit than the default 30 makes the job's first batch (6 weeks, 12 aliases) too
// large: the job must shrink its batches to the limit the gateway names.
const MAX_ALIASES = 8;

/** This file's own indicators database (seeded here), so the shared test data stays read-only. */
function ownIndicatorsDatabase(): DatabaseConfig {
  const suffix = randomBytes(4).toString('hex');
  const base = databaseConfig('indicators');
  if (base.kind === 'postgresql') return { ...base, schema: `${base.schema}_ioc_${suffix}` };
  return { kind: 'sqlite', file: path.join(path.dirname(base.file), `indicators-ioc-${suffix}.sqlite`) };
}

let database: DatabaseConfig;
let indicators: RunningSubgraph;
let stack: Stack;
beforeAll(async () => {
  database = ownIndicatorsDatabase();
  indicators = await startSubgraph(loadSubgraph('indicators'), { config: { port: 0, signingSecret: testSigningSecret(), signatureChecks: true, database } });
  stack = await startStack({
    subgraphs: BUILT_IN_SUBGRAPHS.filter((name) => name !== 'indicators'),
    gateway: {
      subgraphUrls: { indicators: indicators.url },
      subgraphSigningSecrets: { indicators: testSigningSecret() },
      requestLimits: requestLimitsConfig({ ...process.env, MAX_ALIASES: String(MAX_ALIASES) }),
    },
  });
});
afterAll(async () => {
  await stack?.stop();
  await indicators?.stop();
  if (database?.kind === 'postgresql') {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(`drop schema if exists "${database.schema}" cascade`);
    await client.end();
  }
});

function refresh(): Promise<RefreshSummary> {
  return refreshDossierIndicators({ url: stack.gatewayUrl, weeks: WEEKS, database });
}

/** dossierStats of a unit for every refreshed week, through the gateway. */
async function liveRates(unitId: string): Promise<Record<string, number | null>[]> {
  const weeks = WEEKS.map((w, i) => `w${i}: dossierStats(from: "${w.periodStart}", to: "${w.periodEnd}") { onlineRate onTimeRate electronicResultRate }`);
  const res = await postGraphQL(stack.gatewayUrl, `{ administrativeUnit(id: "${unitId}") { ${weeks.join(' ')} } }`);
  expect(res.errors).toBeUndefined();
  return WEEKS.map((_, i) => res.data.administrativeUnit[`w${i}`]);
}

/** The indicators' latest observations of a unit, through the gateway. */
async function latest(unitId: string): Promise<Record<string, any>> {
  const res = await postGraphQL(
    stack.gatewayUrl,
    `query($id: ID!, $codes: [ID!]) { administrativeUnit(id: $id) { indicators(codes: $codes) { indicator { code frequency measure } latest { period periodStart periodEnd value source } } } }`,
    { id: unitId, codes: CODES },
  );
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(res.data.administrativeUnit.indicators.map((v: any) => [v.indicator.code, v]));
}

async function storedObservations(): Promise<number> {
  return indicators.database.orm.em.fork().count(ObservationRow, { indicatorCode: { $in: CODES } });
}

/** Observations the refresh should hold: one per unit, week and indicator whose rate is not null. */
async function expectedCount(unitIds: string[]): Promise<number> {
  let count = 0;
  for (const unitId of unitIds) {
    for (const week of await liveRates(unitId)) count += DOSSIER_RATE_INDICATORS.filter((r) => week[r.field] !== null).length;
  }
  return count;
}

test('the latest weekly observation of the province and a district equals the live dossierStats of that week', async () => {
  expect(await storedObservations()).toBe(0);
  // A database seeded before an indicator joined the catalogue gets its entry from the job.
  await indicators.database.orm.em.fork().nativeDelete(Indicator, { code: CODES[2] });
  const summary = await refresh();
  expect(summary).toMatchObject({ weeks: WEEKS.length, units: 10 });
  // Refused at 12 aliases, then batches of 4 and 2 weeks.
  expect(summary.requests).toBe(3);

  for (const unitId of [PROVINCE_ID, DISTRICT]) {
    const rates = await liveRates(unitId);
    const values = await latest(unitId);
    for (const { indicatorCode, field } of DOSSIER_RATE_INDICATORS) {
      // The latest observation is the last refreshed week with dossiers to divide.
      const last = rates.map((r) => r[field]).findLastIndex((rate) => rate !== null);
      expect(last).toBeGreaterThanOrEqual(0);
      expect(values[indicatorCode].indicator).toMatchObject({ frequency: 'WEEKLY', measure: '%' });
      expect(values[indicatorCode].latest).toEqual({
        period: WEEKS[last].period,
        periodStart: WEEKS[last].periodStart,
        periodEnd: WEEKS[last].periodEnd,
        value: rates[last][field],
        source: 'REPORTED',
      });
    }
  }
});

test('running it again replaces the same observations instead of adding more', async () => {
  const units = [PROVINCE_ID, ...(await postGraphQL(stack.gatewayUrl, `{ administrativeUnit(id: "${PROVINCE_ID}") { children { id } } }`)).data.administrativeUnit.children.map((c: any) => c.id)];
  const expected = await expectedCount(units);
  expect(expected).toBeGreaterThan(0);
  expect(await storedObservations()).toBe(expected);

  // A value changed behind the job's back is put right by the next run.
  const em = indicators.database.orm.em.fork();
  const sample = await em.findOneOrFail(ObservationRow, { indicatorCode: CODES[0], unitId: PROVINCE_ID }, { orderBy: { periodStart: 'desc' } });
  const live = sample.value;
  await em.nativeUpdate(ObservationRow, { id: sample.id }, { value: 0.123456 });

  const again = await refresh();
  expect(again.observationsWritten).toBe(expected);
  expect(await storedObservations()).toBe(expected);
  const series = await postGraphQL(
    stack.gatewayUrl,
    `{ indicator(code: "${CODES[0]}") { series(unitId: "${PROVINCE_ID}", from: "${WEEKS[0].periodStart}") { period value } } }`,
  );
  expect(series.errors).toBeUndefined();
  const periods = series.data.indicator.series.map((o: any) => o.period);
  expect(new Set(periods).size).toBe(periods.length);
  expect(series.data.indicator.series.find((o: any) => o.period === sample.period).value).toBe(live);
});
