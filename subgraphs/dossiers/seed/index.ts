import type { EntityManager } from '@mikro-orm/core';
import { FULL_SCALE, Logger, scaled } from '../../kit';
import { agencySuffix } from '../config';
import { Dossier } from '../entities/dossier';
import { Procedure } from '../entities/procedure';
import { generateDossiers } from './dossiers';
import { buildProcedures } from './procedures';

/** Rows per INSERT: 500 × 15 columns stays under SQLite's bound-variable limit. */
const CHUNK = 500;

/** Fills an empty database: the procedure catalogue, then the dossiers of the period at `scale`. */
export async function seedDossiers(em: EntityManager, scale: number, log: Logger): Promise<void> {
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
  for (let from = 0; from < procedureRows.length; from += CHUNK) await em.insertMany(Procedure, procedureRows.slice(from, from + CHUNK));
  log.info({ table: 'admin_procedure', rows: procedureRows.length }, 'seeded procedures');

  const generated = generateDossiers(procedures, scale, agencySuffix());
  log.info({ dossiers: generated.count, expected: scaled(FULL_SCALE.dossiers, scale), ms: Date.now() - started }, 'generated dossiers');
  for (let from = 0; from < generated.count; from += CHUNK) {
    await em.insertMany(Dossier, generated.rows(from, Math.min(from + CHUNK, generated.count)));
    if ((from / CHUNK) % 200 === 199) log.info({ table: 'dossier', rows: from + CHUNK }, 'inserting dossiers');
  }
  log.info({ table: 'dossier', rows: generated.count, ms: Date.now() - started }, 'seeded dossiers');
}
