import './isolate-metadata';
import { createHash } from 'node:crypto';
import { FULL_SCALE, scaled } from '../../kit';
import { DossierRow, generateDossiers } from '../seed/dossiers';
import { buildProcedures } from '../seed/procedures';
import { PUBLISHED } from '../seed/published';

// The generator on its own (no database): deterministic, and the published shares are exact
// counts over their denominators at any scale, not only at the test scale.

const procedures = buildProcedures();
const byCode = new Map(procedures.map((p) => [p.code, p]));

function rowsAt(scale: number): DossierRow[] {
  const generated = generateDossiers(procedures, scale, 'H09');
  return generated.rows(0, generated.count);
}

function digest(rows: DossierRow[]): string {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

it('draws the same dossiers every time', () => {
  expect(digest(rowsAt(0.001))).toBe(digest(rowsAt(0.001)));
  expect(buildProcedures()).toEqual(procedures);
});

it.each([0.0005, 0.003])('at scale %f assigns every published share as an exact count', (scale) => {
  const rows = rowsAt(scale);
  expect(rows).toHaveLength(scaled(FULL_SCALE.dossiers, scale));
  const count = (test: (r: DossierRow) => boolean, within = rows) => within.filter(test).length;
  const completed = rows.filter((r) => r.status === 'COMPLETED');
  const paying = rows.filter((r) => r.paymentMethod !== 'NONE');
  expect(count((r) => r.channel === 'ONLINE')).toBe(Math.round(rows.length * PUBLISHED.onlineRate));
  expect(count((r) => r.electronicResult, completed)).toBe(Math.round(completed.length * PUBLISHED.electronicResultRate));
  expect(count((r) => r.digitized)).toBe(Math.round(rows.length * PUBLISHED.digitizationRate));
  expect(count((r) => r.syncedToNationalPortal)).toBe(Math.round(rows.length * PUBLISHED.syncedRate));
  expect(count((r) => r.paymentMethod === 'ONLINE', paying)).toBe(Math.round(paying.length * PUBLISHED.onlinePaymentRate));
});

it('keeps every dossier consistent with its procedure and its status', () => {
  const rows = rowsAt(0.003);
  for (const r of rows) {
    const procedure = byCode.get(r.procedureCode)!;
    if (r.channel === 'ONLINE') expect(procedure.onlineService).not.toBe('NONE');
    expect(r.paymentMethod === 'NONE').toBe(procedure.spec.feeVnd === 0);
    expect(r.completedAt !== null).toBe(r.status === 'COMPLETED');
    if (r.electronicResult) expect(r.status).toBe('COMPLETED');
    if (r.completedAt) expect(r.completedAt > r.submittedAt && r.completedAt < '2024-09-30T17:00:00.000Z').toBe(true);
    expect(r.dueAt > r.submittedAt).toBe(true);
    expect(r.receivingDistrictId === null).toBe(r.receivingUnitId === '74');
  }
  const completed = rows.filter((r) => r.status === 'COMPLETED');
  expect(completed.length / rows.length).toBeGreaterThan(0.8);
  expect(completed.filter((r) => r.completedAt! <= r.dueAt).length / completed.length).toBeGreaterThan(0.9);
});
