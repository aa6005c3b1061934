import { postGraphQL } from './support/graphql-client';
import { startStack, Stack } from './support/stack';

// The district dashboard of the IOC: four subgraphs' aggregates about one unit, in one request.

const DASHBOARD = /* GraphQL */ `
  query DistrictDashboard($id: ID!, $from: Date, $to: Date) {
    administrativeUnit(id: $id) {
      id name level
      population
      ownPopulation: population(scope: OWN)
      children { id population }
      businessStats { total active digitalTechnology usingDigitalPlatform usingEInvoice eInvoiceRate bySection { key count } }
      dossierStats(from: $from, to: $to) { total submittedOnline onlineRate completed completedOnTime onTimeRate withElectronicResult electronicResultRate digitized digitizationRate syncedToNationalPortal syncedRate paying paidOnline onlinePaymentRate }
      indicators { indicator { code name measure } latest { period value } }
      targets(programme: "39-CTr/TU") { status }
    }
  }`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

test('the Bến Cát dashboard is consistent across subgraphs', async () => {
  const res = await postGraphQL(stack.gatewayUrl, DASHBOARD, { id: '721', from: '2023-01-01', to: '2023-12-31' });
  expect(res.errors).toBeUndefined();
  const unit = res.data.administrativeUnit;
  expect(unit.name).toBe('Thành phố Bến Cát');
  expect(unit.level).toBe('DISTRICT');

  // Residents sit at communes: the district's SUBTREE is the sum of its communes'.
  expect(unit.ownPopulation).toBe(0);
  expect(unit.children).toHaveLength(8);
  expect(unit.population).toBe(unit.children.reduce((s: number, c: any) => s + c.population, 0));
  expect(unit.population).toBeGreaterThan(0);

  const b = unit.businessStats;
  expect(b.total).toBeGreaterThan(0);
  expect(b.bySection.reduce((s: number, x: any) => s + x.count, 0)).toBe(b.total);
  expect(b.eInvoiceRate).toBeCloseTo(b.usingEInvoice / b.total, 10);

  // Every rate is the quotient of the counts it comes with.
  const d = unit.dossierStats;
  expect(d.total).toBeGreaterThan(0);
  expect(d.onlineRate).toBeCloseTo(d.submittedOnline / d.total, 10);
  expect(d.onTimeRate).toBeCloseTo(d.completedOnTime / d.completed, 10);
  expect(d.electronicResultRate).toBeCloseTo(d.withElectronicResult / d.completed, 10);
  expect(d.digitizationRate).toBeCloseTo(d.digitized / d.total, 10);
  expect(d.syncedRate).toBeCloseTo(d.syncedToNationalPortal / d.total, 10);
  expect(d.onlinePaymentRate).toBeCloseTo(d.paidOnline / d.paying, 10);

  // The stats agree with the dossier list under the same filter.
  const list = await postGraphQL(stack.gatewayUrl, `{ dossiers(filter: { receivingUnitId: "721", submittedFrom: "2023-01-01", submittedTo: "2023-12-31" }, first: 1) { totalCount } }`);
  expect(list.errors).toBeUndefined();
  expect(list.data.dossiers.totalCount).toBe(d.total);

  expect(unit.indicators.length).toBeGreaterThan(0);
  expect(unit.indicators.some((v: any) => v.latest !== null && typeof v.latest.value === 'number')).toBe(true);

  const statuses = unit.targets.map((t: any) => t.status);
  expect(statuses).toHaveLength(41);
  const count = (s: string) => statuses.filter((x: string) => x === s).length;
  expect([count('ACHIEVED'), count('ON_TRACK'), count('NOT_ACHIEVED'), count('NOT_MEASURED')]).toEqual([21, 9, 6, 5]);
});

test('the province aggregates reproduce the published figures at the test scale', async () => {
  const res = await postGraphQL(stack.gatewayUrl, `{ administrativeUnit(id: "74") {
    dossierStats { total onlineRate electronicResultRate digitizationRate syncedRate onlinePaymentRate }
    businessStats { total active } } }`);
  expect(res.errors).toBeUndefined();
  const d = res.data.administrativeUnit.dossierStats;
  expect(Math.abs(d.onlineRate - 0.4597)).toBeLessThan(0.01);
  expect(Math.abs(d.electronicResultRate - 0.6081)).toBeLessThan(0.01);
  expect(Math.abs(d.digitizationRate - 0.4867)).toBeLessThan(0.01);
  expect(Math.abs(d.syncedRate - 0.5023)).toBeLessThan(0.01);
  expect(Math.abs(d.onlinePaymentRate - 0.3832)).toBeLessThan(0.01);
});
