import type { EntityManager } from '@mikro-orm/core';
import { bulkInsert, FULL_SCALE, Logger, scaled, SeedProgress } from '../../kit';
import { agencySuffix } from '../config';
import { Dossier } from '../entities/dossier';
import { Procedure } from '../entities/procedure';
import { rebuildDailyStats } from '../sql/daily-stats';
import { DossierRow, generateDossiers, GeneratedDossiers } from './dossiers';
import { buildProcedures } from './procedures';

/** Rows built at a time from the generated columns: keeps memory flat at 1.9 million dossiers. */
const ROWS_PER_SLICE = 10_000;

function* allRows(generated: GeneratedDossiers): Generator<DossierRow> {
  for (let from = 0; from < generated.count; from += ROWS_PER_SLICE) yield* generated.rows(from, Math.min(from + ROWS_PER_SLICE, generated.count));
}

/** Fills an empty database: the procedure catalogue, the dossiers of the period at `scale`, and their daily roll-up. */
export async function seedDossiers(em: EntityManager, scale: number, log: Logger, progress: SeedProgress): Promise<void> {
  const started = Date.now();
  const procedures = buildProcedures();
  const procedureRows = procedures.map((p) => ({
    code: p.code,
    name: p.spec.name,
    field: p.spec.field,
    level: p.level,
    onlineService: p.onlineService,
    feeVnd: p.spec.feeVnd,
    processingDays: p.spec.processingDays,
    essential: p.spec.essential !== undefined,
  }));
  await bulkInsert(em, Procedure, procedureRows, { total: procedureRows.length, progress });

  const generated = generateDossiers(procedures, scale, agencySuffix());
  log.info({ dossiers: generated.count, expected: scaled(FULL_SCALE.dossiers, scale), ms: Date.now() - started }, 'generated dossiers');
  await bulkInsert(em, Dossier, allRows(generated), { total: generated.count, progress });

  const rollup = progress('dossier_daily_stats', 1);
  await rebuildDailyStats(em);
  rollup.advance(1);
  rollup.done();
}
