import { DISTRICT_POPULATION_SHARES, FULL_SCALE, PROVINCE_ID, scaled } from '../../subgraphs/kit';
import { PUBLISHED } from '../../subgraphs/dossiers/seed/published';

/** One published figure next to what the warehouse answers through the gateway. */
export interface FidelityRow {
  figure: string;
  published: string;
  measured: string;
  ok: boolean;
}

const QUERY = /* GraphQL */ `
  query PublishedFigures($id: ID!) {
    administrativeUnit(id: $id) {
      population
      businessStats { total active digitalTechnology usingDigitalPlatform }
      dossierStats { total syncedToNationalPortal onlineRate electronicResultRate digitizationRate syncedRate onlinePaymentRate }
      children { id name population }
    }
  }`;

const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * The province's figures of DOMAIN.md through the gateway at `scale`: dossier rates within one
 * percentage point, business counts exact (scaled), population within 1% and spread over the
 * districts by the published shares (within one point each).
 */
export async function checkPublishedFigures(gatewayUrl: string, scale: number): Promise<FidelityRow[]> {
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY, variables: { id: PROVINCE_ID } }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors?.length || !body.data?.administrativeUnit) throw new Error(`published figures: the gateway answered ${JSON.stringify(body).slice(0, 500)}`);
  const unit = body.data.administrativeUnit;
  const rows: FidelityRow[] = [];
  const rate = (figure: string, published: number, measured: number) => rows.push({ figure, published: percent(published), measured: percent(measured), ok: Math.abs(measured - published) <= 0.01 });
  const exact = (figure: string, published: number, measured: number) => rows.push({ figure, published: published.toLocaleString('en'), measured: measured.toLocaleString('en'), ok: published === measured });
  const stats = unit.dossierStats;
  exact('dossiers', scaled(FULL_SCALE.dossiers, scale), stats.total);
  rate('dossiers submitted online', PUBLISHED.onlineRate, stats.onlineRate);
  rate('with an electronic result', PUBLISHED.electronicResultRate, stats.electronicResultRate);
  rate('digitised', PUBLISHED.digitizationRate, stats.digitizationRate);
  rate('synced to the National Portal', PUBLISHED.syncedRate, stats.syncedRate);
  rate('paid online (of paying)', PUBLISHED.onlinePaymentRate, stats.onlinePaymentRate);
  exact('active enterprises', scaled(FULL_SCALE.activeBusinesses, scale), unit.businessStats.active);
  exact('digital-technology enterprises', scaled(FULL_SCALE.digitalTechnologyBusinesses, scale), unit.businessStats.digitalTechnology);
  exact('enterprises on digital platforms', scaled(FULL_SCALE.digitalPlatformBusinesses, scale), unit.businessStats.usingDigitalPlatform);
  const residents = scaled(FULL_SCALE.citizens, scale);
  rows.push({ figure: 'residents', published: `${residents.toLocaleString('en')} ± 1%`, measured: unit.population.toLocaleString('en'), ok: Math.abs(unit.population - residents) <= residents * 0.01 });
  const shareSum = Object.values(DISTRICT_POPULATION_SHARES).reduce((a, b) => a + b, 0);
  for (const district of unit.children as { id: string; name: string; population: number }[]) {
    const published = DISTRICT_POPULATION_SHARES[district.id] / shareSum;
    const measured = district.population / unit.population;
    rows.push({ figure: `share of residents: ${district.name}`, published: percent(published), measured: percent(measured), ok: Math.abs(measured - published) <= 0.01 });
  }
  return rows;
}
