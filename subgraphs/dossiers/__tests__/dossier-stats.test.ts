import './isolate-metadata';
import { allUnits, childrenOf, RunningSubgraph } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { COUNT_FIELDS, errorCodes, fetchAllDossiers, queryOk, seededDossierCount, startDossiers, STATS_FIELDS } from './support';

let running: RunningSubgraph;

beforeAll(async () => {
  running = await startDossiers();
});

afterAll(() => running.stop());

/** dossierStats of units through `_entities`, the way the gateway asks for them. */
async function statsOf(unitIds: string[], args: string): Promise<Map<string, any>> {
  const representations = unitIds.map((id) => ({ __typename: 'AdministrativeUnit', id }));
  const data = await queryOk(
    running,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { id stats: dossierStats${args} { ${STATS_FIELDS} } } } }`,
    { r: representations },
  );
  return new Map(data._entities.map((e: any) => [e.id, e.stats]));
}

describe('province dossierStats over the whole period', () => {
  let province: any;
  beforeAll(async () => {
    province = (await statsOf(['74'], ''))!.get('74');
  });

  it('covers every dossier', () => {
    expect(province.total).toBe(seededDossierCount());
  });

  it.each([
    ['onlineRate', 0.4597],
    ['electronicResultRate', 0.6081],
    ['digitizationRate', 0.4867],
    ['syncedRate', 0.5023],
    ['onlinePaymentRate', 0.3832],
  ])('reproduces the published %s (%f) within one percentage point', (rate, published) => {
    expect(Math.abs(province[rate] - published)).toBeLessThan(0.01);
  });

  it('gives each rate as the quotient of its counts', () => {
    expect(province.onlineRate).toBeCloseTo(province.submittedOnline / province.total, 12);
    expect(province.onTimeRate).toBeCloseTo(province.completedOnTime / province.completed, 12);
    expect(province.electronicResultRate).toBeCloseTo(province.withElectronicResult / province.completed, 12);
    expect(province.digitizationRate).toBeCloseTo(province.digitized / province.total, 12);
    expect(province.syncedRate).toBeCloseTo(province.syncedToNationalPortal / province.total, 12);
    expect(province.onlinePaymentRate).toBeCloseTo(province.paidOnline / province.paying, 12);
  });

  it('has most dossiers completed, mostly on time', () => {
    expect(province.completed / province.total).toBeGreaterThan(0.8);
    expect(province.completed / province.total).toBeLessThan(0.92);
    expect(province.onTimeRate).toBeGreaterThan(0.9);
    expect(province.onTimeRate).toBeLessThan(1);
  });
});

describe('scopes: SUBTREE = OWN + Σ children\'s SUBTREE for every unit', () => {
  const ids = allUnits().map((u) => u.id);

  it.each([
    ['the whole period', ''],
    ['December 2023', '(from: "2023-12-01", to: "2023-12-31")'],
  ])('over %s, for every count, in one SQL statement', async (_period, range) => {
    const args = range ? range.slice(0, -1) : '(';
    running.database.resetSqlStatements();
    const subtree = await statsOf(ids, range);
    const own = await statsOf(ids, `${args}${range ? ', ' : ''}scope: OWN)`);
    // Two requests of 101 units each: one statement per request.
    expect(running.database.sqlStatements()).toBe(2);
    let nonZero = 0;
    for (const id of ids) {
      for (const field of COUNT_FIELDS) {
        const children = childrenOf(id).reduce((sum, child) => sum + subtree.get(child.id)[field], 0);
        expect({ id, field, subtree: subtree.get(id)[field] }).toEqual({ id, field, subtree: own.get(id)[field] + children });
      }
      if (own.get(id).total > 0) nonZero += 1;
    }
    expect(nonZero).toBeGreaterThan(range ? 20 : 90); // the invariant is not about empty units
    const all = await queryOk(running, `{ dossiers(filter: { ${range ? 'submittedFrom: "2023-12-01", submittedTo: "2023-12-31"' : ''} }) { totalCount } }`);
    expect(subtree.get('74').total).toBe(all.dossiers.totalCount);
  });

  it('rates are null when there is nothing to divide by', async () => {
    const stats = await statsOf(['74'], '(from: "2021-01-01", to: "2021-12-31")');
    expect(stats.get('74')).toMatchObject({ total: 0, onlineRate: null, onTimeRate: null, electronicResultRate: null, digitizationRate: null, syncedRate: null, onlinePaymentRate: null });
  });

  it('from after to is BAD_USER_INPUT', async () => {
    const res = await postGraphQL(running.url, '{ _entities(representations: [{ __typename: "AdministrativeUnit", id: "74" }]) { ... on AdministrativeUnit { dossierStats(from: "2024-01-02", to: "2024-01-01") { total } } } }');
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('dates bound submittedAt in Vietnamese time', () => {
  it('a dossier submitted 2023-12-04T00:30+07:00 counts on the 4th, one at 23:45 on the 3rd on the 3rd', async () => {
    const [dec3, dec4] = await Promise.all(
      ['2023-12-03', '2023-12-04'].map((day) => fetchAllDossiers(running, { submittedFrom: day, submittedTo: day }).then((r) => r.nodes)),
    );
    const early = dec4.find((d) => d.submittedAt.startsWith('2023-12-04T00:'));
    const late = dec3.find((d) => d.submittedAt.startsWith('2023-12-03T23:'));
    expect(early).toBeDefined(); // the seed places one there
    expect(late).toBeDefined();
    expect(dec3.map((d) => d.code)).not.toContain(early!.code);
    expect(dec4.map((d) => d.code)).not.toContain(late!.code);
    expect(early!.code).toContain('-231204-');
    expect(late!.code).toContain('-231203-');

    for (const [dossier, day, other] of [
      [early!, '2023-12-04', '2023-12-03'],
      [late!, '2023-12-03', '2023-12-04'],
    ] as const) {
      const unit = dossier.receivingUnit.id;
      const [onDay, onOther] = await Promise.all([day, other].map((d) => fetchAllDossiers(running, { receivingUnitId: unit, submittedFrom: d, submittedTo: d })));
      expect(onDay.nodes.map((d) => d.code)).toContain(dossier.code);
      expect(onOther.nodes.map((d) => d.code)).not.toContain(dossier.code);
      const stats = await queryOk(
        running,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
          day: dossierStats(from: "${day}", to: "${day}") { total } other: dossierStats(from: "${other}", to: "${other}") { total } } } }`,
        { r: [{ __typename: 'AdministrativeUnit', id: unit }] },
      );
      expect(stats._entities[0]).toEqual({ day: { total: onDay.nodes.length }, other: { total: onOther.nodes.length } });
    }
  });
});

describe('Đề án 06 essential services', () => {
  it('police services are about 99% online, department services about 66%', async () => {
    const data = await queryOk(running, '{ procedures { code field essential } }');
    const essential = data.procedures.filter((p: any) => p.essential);
    const police = new Set(['Đăng ký cư trú', 'Căn cước', 'Xuất nhập cảnh', 'Đăng ký, quản lý phương tiện giao thông']);
    const totals = { police: [0, 0], department: [0, 0] };
    for (const p of essential) {
      const counts = await queryOk(running, `{ all: dossiers(filter: { procedureCode: "${p.code}" }, first: 0) { totalCount } online: dossiers(filter: { procedureCode: "${p.code}", channel: ONLINE }, first: 0) { totalCount } }`);
      const group = police.has(p.field) ? totals.police : totals.department;
      group[0] += counts.online.totalCount;
      group[1] += counts.all.totalCount;
    }
    expect(totals.police[1]).toBeGreaterThan(0);
    expect(totals.department[1]).toBeGreaterThan(0);
    expect(Math.abs(totals.police[0] / totals.police[1] - 32_044 / 32_356)).toBeLessThan(0.02);
    expect(Math.abs(totals.department[0] / totals.department[1] - 4_053 / 6_158)).toBeLessThan(0.05);
  });
});
