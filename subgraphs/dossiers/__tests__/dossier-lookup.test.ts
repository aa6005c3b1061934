import './isolate-metadata';
import { AdministrativeLevel, isWellFormedTaxCode, RunningSubgraph, unitById } from '../../kit';
import { postGraphQL } from '../../../test/support/graphql-client';
import { DOSSIER_CODE_RE } from '../agency-codes';
import { DossierNode, errorCodes, fetchAllDossiers, queryOk, seededDossierCount, startDossiers, vnDay } from './support';

let running: RunningSubgraph;
/** Every seeded dossier, read once through Query.dossiers. */
let all: DossierNode[];

beforeAll(async () => {
  running = await startDossiers();
  all = (await fetchAllDossiers(running, null)).nodes;
});

afterAll(() => running.stop());

describe('Query.dossier', () => {
  it('returns a dossier by its code with every contract field', async () => {
    const sample = all[Math.floor(all.length / 2)];
    const data = await queryOk(
      running,
      `query($code: ID!) { dossier(code: $code) { code channel status submittedAt dueAt completedAt onTime paymentMethod electronicResult digitized syncedToNationalPortal
        procedure { code name field level onlineService feeVnd processingDays essential } receivingUnit { id }
        applicant { __typename ... on Citizen { id } ... on Business { taxCode } } } }`,
      { code: sample.code },
    );
    const d = data.dossier;
    expect(d).toMatchObject({ code: sample.code, submittedAt: sample.submittedAt, receivingUnit: sample.receivingUnit, applicant: sample.applicant });
    expect(d.dueAt > d.submittedAt).toBe(true);
    if (d.status === 'COMPLETED') expect(d.onTime).toBe(d.completedAt <= d.dueAt);
    else expect([d.onTime, d.completedAt, d.electronicResult]).toEqual([null, null, false]);
    expect(d.paymentMethod === 'NONE').toBe(d.procedure.feeVnd === 0);
    if (d.channel === 'ONLINE') expect(d.procedure.onlineService).not.toBe('NONE');
  });

  it('returns null for a well-formed code that no dossier has', async () => {
    const res = await postGraphQL(running.url, '{ dossier(code: "000.00.21.H09-231204-9999") { code } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ dossier: null });
  });

  it.each(['000.00.21.H09-231204-42', 'H09-231204-0042', '000.00.21.H09_231204_0042', ''])('rejects the malformed code %j with BAD_USER_INPUT and the expected format', async (code) => {
    const res = await postGraphQL(running.url, 'query($code: ID!) { dossier(code: $code) { code } }', { code });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toContain('000.00.21.H09-231204-0042');
  });
});

describe('the seeded dossiers', () => {
  it('number scaled(1,925,307, scale), with codes of agency, Vietnamese submission day and daily sequence', () => {
    expect(all).toHaveLength(seededDossierCount());
    expect(new Set(all.map((d) => d.code)).size).toBe(all.length);
    for (const d of all) {
      expect(d.code).toMatch(DOSSIER_CODE_RE);
      const day = vnDay(d.submittedAt);
      expect(d.code.slice(-11, -5)).toBe(`${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`);
      expect(day >= '2022-01-01' && day <= '2024-09-30').toBe(true);
    }
    const codes = all.map((d) => d.code);
    expect([...codes].sort()).toEqual(codes); // default order: by code
  });

  it('are received at the level of their procedure', () => {
    const levels = new Set<string>();
    for (const d of all) {
      const unit = unitById(d.receivingUnit.id);
      expect(unit?.level).toBe(d.procedure.level as AdministrativeLevel);
      levels.add(unit!.level);
    }
    expect([...levels].sort()).toEqual(['COMMUNE', 'DISTRICT', 'PROVINCE']);
  });

  it('have applicants that are Citizen or Business stubs of the shared identities', () => {
    const typenames = new Set(all.map((d) => d.applicant.__typename));
    expect([...typenames].sort()).toEqual(['Business', 'Citizen']);
    for (const d of all) {
      if (d.applicant.__typename === 'Citizen') expect(d.applicant.id).toMatch(/^C[0-9A-Z]{7}$/);
      else expect(isWellFormedTaxCode(d.applicant.taxCode)).toBe(true);
    }
    const citizens = all.filter((d) => d.applicant.__typename === 'Citizen').length;
    expect(citizens / all.length).toBeGreaterThan(0.8);
  });
});

describe('procedures', () => {
  it('a catalogue of a few hundred, 59.38% online and exactly 25 essential services', async () => {
    const data = await queryOk(running, '{ procedures { code name field level onlineService feeVnd processingDays essential } }');
    const list: any[] = data.procedures;
    expect(list.length).toBeGreaterThanOrEqual(200);
    for (const p of list) {
      expect(p.code).toMatch(/^\d\.\d{6}$/);
      expect(p.processingDays).toBeGreaterThan(0);
      expect(p.feeVnd).toBeGreaterThanOrEqual(0);
    }
    const online = list.filter((p) => p.onlineService !== 'NONE').length;
    expect(Math.abs(online / list.length - 0.5938)).toBeLessThan(0.005);
    expect(list.filter((p) => p.essential)).toHaveLength(25);
    expect(new Set(list.map((p) => p.level))).toEqual(new Set(['PROVINCE', 'DISTRICT', 'COMMUNE']));
    expect(new Set(list.map((p) => p.field)).size).toBeGreaterThanOrEqual(13);
    expect(list.map((p) => p.code)).toEqual(list.map((p) => p.code).sort());
  });

  it('filters by field and online level, and finds one by code', async () => {
    const data = await queryOk(running, '{ hoTich: procedures(field: "Hộ tịch", onlineService: FULL) { code field onlineService } none: procedures(field: "Không có") { code } }');
    expect(data.hoTich.length).toBeGreaterThan(0);
    for (const p of data.hoTich) expect(p).toMatchObject({ field: 'Hộ tịch', onlineService: 'FULL' });
    expect(data.none).toEqual([]);
    const code = data.hoTich[0].code;
    const one = await queryOk(running, `{ procedure(code: "${code}") { code field } unknown: procedure(code: "9.999999") { code } }`);
    expect(one).toEqual({ procedure: { code, field: 'Hộ tịch' }, unknown: null });
  });

  it('rejects a malformed procedure code', async () => {
    const res = await postGraphQL(running.url, '{ procedure(code: "1000494") { code } }');
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toContain('1.000494');
  });
});
