import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { BUILT_IN_SUBGRAPHS, loadSubgraph } from './catalog';
import { createLogger, openDatabase, parseSeedScale, seedIfEmpty, subgraphConfig } from './kit';

/**
 * `npm run seed -- [--scale 0.01] [--only population,business]`: seeds every subgraph's
 * empty database (the same thing `npm start` does on first start). A seeded database is left
 * as it is.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('Usage: npm run seed -- [--scale FRACTION] [--only NAME,NAME]\n  --scale  fraction of the province, (0, 1]; default SEED_SCALE or 0.01\n  --only   subgraphs to seed; default all');
    return;
  }
  const scale = parseSeedScale('--scale', values.scale ?? process.env.SEED_SCALE);
  const names = values.only ? values.only.split(',').map((s) => s.trim()) : [...BUILT_IN_SUBGRAPHS];
  for (const name of names) {
    const definition = loadSubgraph(name);
    const database = await openDatabase(subgraphConfig(name).database, definition.entities);
    try {
      const em = database.orm.em.fork();
      if (await definition.isSeeded(em)) {
        console.log(`${name}: already seeded, nothing to do`);
        continue;
      }
      const started = Date.now();
      await seedIfEmpty(definition, database, scale, createLogger(`${name}-seed`));
      console.log(`${name}: seeded at scale ${scale} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await database.close();
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
