import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '../logger';
import type { Database } from '../orm';
import { isPostgres, qualifiedTable } from '../sql';
import type { SubgraphDefinition } from '../subgraph';
import { logProgress, SeedProgress } from './progress';
import { SeedRun } from './seed-run.entity';

/** What a database holds: nothing, a seed at a known scale, or data from before seeds were recorded. */
export type SeedState = { kind: 'empty' } | { kind: 'seeded'; scale: number; seededAt: string } | { kind: 'unrecorded' };

/** A seed was asked for at another scale than the database holds: mixing scales would skew every figure. */
export class SeedScaleMismatchError extends Error {
  readonly code = 'SEED_SCALE_MISMATCH';
}

function records(definition: SubgraphDefinition<unknown>): boolean {
  return definition.entities.includes(SeedRun);
}

/**
 * A store without seed data (`seedless`: the access records, which the gateway appends to) is
 * never seeded nor reset: --reset must not delete an audit trail.
 */
export function hasSeed(definition: SubgraphDefinition<unknown>): boolean {
  return definition.seedless !== true;
}

export async function seedState(definition: SubgraphDefinition<unknown>, em: EntityManager): Promise<SeedState> {
  if (!records(definition)) return (await definition.isSeeded(em)) ? { kind: 'unrecorded' } : { kind: 'empty' };
  const run = await em.findOne(SeedRun, { store: definition.name });
  if (run) return { kind: 'seeded', scale: run.scale, seededAt: run.seededAt };
  return (await definition.isSeeded(em)) ? { kind: 'unrecorded' } : { kind: 'empty' };
}

export function describeSeedState(state: SeedState): string {
  if (state.kind === 'seeded') return `seeded at scale ${state.scale} on ${state.seededAt}`;
  return state.kind === 'unrecorded' ? 'holds data from an unrecorded seed (scale unknown)' : 'empty';
}

async function clearTables(em: EntityManager, definition: SubgraphDefinition<unknown>): Promise<void> {
  const tables = definition.entities.map((entity) => qualifiedTable(em, entity));
  const connection = em.getConnection();
  if (isPostgres(em)) await connection.execute(`truncate table ${tables.join(', ')}`, [], 'run', em.getTransactionContext());
  else for (const table of tables) await connection.execute(`delete from ${table}`, [], 'run', em.getTransactionContext());
}

async function rowCounts(em: EntityManager, definition: SubgraphDefinition<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entity of definition.entities) {
    if (entity === SeedRun) continue;
    const [row] = await em.getConnection().execute(`select count(*) as n from ${qualifiedTable(em, entity)}`, [], 'all', em.getTransactionContext());
    counts[em.getMetadata().get(entity.name).tableName] = Number(row.n);
  }
  return counts;
}

export interface SeedOptions {
  log: Logger;
  progress?: SeedProgress;
  /** Empty every table of the store first (in the same transaction), whatever it holds. */
  reset?: boolean;
}

/**
 * Seeds the store at `scale` in ONE transaction, so that a database is either untouched or
 * completely seeded and recorded. Refuses a database that holds another scale (or an
 * unrecorded one) unless `reset` is set; a database already seeded at `scale` is left as it is.
 */
export async function seedDatabase(definition: SubgraphDefinition<unknown>, database: Database, scale: number, options: SeedOptions): Promise<'seeded' | 'already-seeded' | 'no-seed'> {
  if (!hasSeed(definition)) return 'no-seed';
  const em = database.orm.em.fork();
  const state = await seedState(definition, em);
  if (!options.reset && state.kind === 'seeded' && state.scale === scale) return 'already-seeded';
  if (!options.reset && state.kind !== 'empty') {
    throw new SeedScaleMismatchError(`${definition.name}: the database ${describeSeedState(state)}; refusing to add scale ${scale} to it. Rebuild it with --reset (this deletes its data), or seed at its own scale.`);
  }
  const progress = options.progress ?? logProgress(options.log);
  await em.transactional(async (tx) => {
    if (options.reset) await clearTables(tx, definition);
    await definition.seed(tx, scale, options.log, progress);
    if (records(definition)) {
      const tableRows = JSON.stringify(await rowCounts(tx, definition));
      await tx.insert(SeedRun, { store: definition.name, scale, seededAt: new Date().toISOString(), tableRows });
    }
  });
  // Fresh statistics for the planner (SQLite has none until ANALYZE; PostgreSQL's autovacuum comes later).
  await database.orm.em.getConnection().execute(`analyze`);
  return 'seeded';
}

/**
 * On a service's start: seeds an empty database; a database seeded at another scale is kept as
 * it is (with a warning), since only `npm run seed -- --reset` may delete data.
 */
export async function seedIfEmpty(definition: SubgraphDefinition<unknown>, database: Database, scale: number, log: Logger): Promise<void> {
  const state = await seedState(definition, database.orm.em.fork());
  if (state.kind === 'empty') {
    const started = Date.now();
    log.info({ scale }, 'database is empty: seeding');
    await seedDatabase(definition, database, scale, { log });
    log.info({ scale, ms: Date.now() - started }, 'seeded');
  } else if (state.kind === 'seeded' && state.scale !== scale) {
    log.warn({ seededScale: state.scale, requestedScale: scale }, `database is seeded at scale ${state.scale}, not ${scale}: keeping it (npm run seed -- --scale ${scale} --reset rebuilds it)`);
  }
}
