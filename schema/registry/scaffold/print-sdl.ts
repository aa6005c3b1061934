import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SubgraphDefinition } from '../../../subgraphs/kit';
import { buildFederatedSchema } from '../../../subgraphs/kit/federation';

/**
 * `npm run subgraph:sdl -- NAME`: prints the SDL of subgraphs/NAME built from its code, the
 * file `bdg subgraph publish --schema` takes. Works for any subgraph folder, built-in or new.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
    console.error('Usage: npm run subgraph:sdl -- NAME > NAME.graphql');
    process.exit(2);
  }
  const folder = path.resolve(__dirname, '../../../subgraphs', name);
  if (!existsSync(folder)) {
    console.error(`No subgraph folder ${folder}; build first (npm run build) if you just created it`);
    process.exit(2);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const definition = require(folder).subgraph as SubgraphDefinition<unknown> | undefined;
  if (!definition) {
    console.error(`${folder}/index does not export \`subgraph\``);
    process.exit(2);
  }
  process.stdout.write(`${(await buildFederatedSchema(definition.schema)).typeDefs.trimEnd()}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
