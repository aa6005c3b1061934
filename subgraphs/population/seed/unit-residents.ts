import type { EntityManager } from '@mikro-orm/core';
import { HCMC_ID, PROVINCE_ID, qualifiedTable } from '../../kit';
import { Citizen } from '../entities/citizen.entity';
import { UnitResidents } from '../entities/unit-residents.entity';

/**
 * Recomputes residents per unit from the citizen table (inside the caller's transaction):
 * 2020–2025 communes by residence, districts by district, the new communes by their 2025
 * residence, province 74 every citizen, Ho Chi Minh City (79) every citizen placed in it.
 */
export async function rebuildUnitResidents(em: EntityManager): Promise<void> {
  const rollup = qualifiedTable(em, UnitResidents);
  const citizen = qualifiedTable(em, Citizen);
  const ctx = em.getTransactionContext();
  const run = (sql: string, params: unknown[] = []) => em.getConnection().execute(sql, params as any[], 'run', ctx);
  await run(`delete from ${rollup}`);
  await run(`insert into ${rollup} (unit_id, residents) select residence_id, count(*) from ${citizen} group by residence_id`);
  await run(`insert into ${rollup} (unit_id, residents) select district_id, count(*) from ${citizen} group by district_id`);
  await run(`insert into ${rollup} (unit_id, residents) select residence_2025_id, count(*) from ${citizen} where residence_2025_id is not null group by residence_2025_id`);
  await run(`insert into ${rollup} (unit_id, residents) select ?, count(*) from ${citizen}`, [PROVINCE_ID]);
  await run(`insert into ${rollup} (unit_id, residents) select ?, count(*) from ${citizen} where residence_2025_id is not null`, [HCMC_ID]);
}
