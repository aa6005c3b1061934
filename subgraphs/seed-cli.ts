import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { BUILT_IN_SUBGRAPHS, loadSubgraph } from './catalog';
import { barProgress, createLogger, describeSeedState, openDatabase, parseSeedScale, SeedScaleMismatchError, seedDatabase, seedState, subgraphConfig } from './kit';

const USAGE = `Usage: npm run seed -- [--scale FRACTION] [--only NAME,NAME] [--reset]
  --scale  fraction of the province, (0, 1]; default SEED_SCALE or 0.01 (1 = 2.6 million residents)
  --only   subgraphs to seed; default all (${BUILT_IN_SUBGRAPHS.join(', ')})
  --reset  delete what each database holds and seed it again
A database already seeded at the same scale is left as it is; one seeded at another scale is
refused (exit code 3) unless --reset is given.`;

/**
 * `npm run seed`: seeds every subgraph's database in bulk (COPY on PostgreSQL, multi-row
 * INSERTs on SQLite), each in one transaction, with a progress bar per table on stderr.
 */
async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { scale: { type: 'string' }, only: { type: 'string' }, reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) return console.log(USAGE), 0;
  const scale = parseSeedScale('--scale', values.scale ?? process.env.SEED_SCALE);
  const names = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [...BUILT_IN_SUBGRAPHS];
  const unknown = names.filter((n) => !(BUILT_IN_SUBGRAPHS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    console.error(`Unknown subgraph ${unknown.map((n) => `"${n}"`).join(', ')}; known: ${BUILT_IN_SUBGRAPHS.join(', ')}`);
    return 2;
  }
  for (const name of names) {
    const definition = loadSubgraph(name);
    const database = await openDatabase(subgraphConfig(name).database, definition);
    const bars = barProgress(name);
    try {
      const before = await seedState(definition, database.orm.em.fork());
      const started = Date.now();
      const outcome = await seedDatabase(definition, database, scale, { log: createLogger(`${name}-seed`), progress: bars.progress, reset: values.reset });
      bars.stop();
      if (outcome === 'no-seed') console.log(`${name}: has no seed data (its rows are written at run time); left as it is`);
      else if (outcome === 'already-seeded') console.log(`${name}: already ${describeSeedState(before)}; nothing to do`);
      else console.log(`${name}: seeded at scale ${scale} in ${((Date.now() - started) / 1000).toFixed(1)} s${values.reset ? ` (reset; before: ${describeSeedState(before)})` : ''}`);
    } catch (error) {
      bars.stop();
      if (error instanceof SeedScaleMismatchError) {
        console.error(error.message);
        return 3;
      }
      throw error;
    } finally {
      await database.close();
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
