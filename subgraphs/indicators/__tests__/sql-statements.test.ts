import { AdministrativeLevel, PROVINCE_ID, RunningSubgraph, startSubgraph, unitsAtLevel } from '../../kit';
import { subgraph } from '../index';
import { unitEntities } from './helpers';

// No N+1: the statements a request runs do not depend on how many units it asks about.
let running: RunningSubgraph;
beforeAll(async () => {
  running = await startSubgraph(subgraph, { config: { port: 0 } });
});
afterAll(() => running.stop());

const SELECTION = `indicators(codes: $codes) { indicator { code sector { name } } latest { value period unit { id } } }
  targets { status latest { value } indicator { code } }`;
const CODES = ['DVC-001', 'DVC-003', 'DVC-011', 'CDS-004', 'YTE-008', 'YTE-032', 'KHC-001'];

async function statementsFor(unitIds: string[]): Promise<number> {
  running.database.resetSqlStatements();
  const res = await unitEntities(running.url, unitIds, SELECTION, { codes: CODES }, ', $codes: [ID!]');
  expect(res.errors).toBeUndefined();
  expect(res.data._entities).toHaveLength(unitIds.length);
  expect(res.data._entities.every((u: any) => u.indicators.length === CODES.length)).toBe(true);
  return running.database.sqlStatements();
}

it('runs as many statements for 9 AdministrativeUnit representations as for 3', async () => {
  const districts = unitsAtLevel(AdministrativeLevel.DISTRICT).map((u) => u.id);
  const three = [PROVINCE_ID, '721', '724'];
  const nine = [PROVINCE_ID, ...districts.slice(0, 8)];
  expect(nine).toContain('721');
  const few = await statementsFor(three);
  const many = await statementsFor(nine);
  expect(few).toBeGreaterThan(0);
  expect(many).toBe(few);
});
