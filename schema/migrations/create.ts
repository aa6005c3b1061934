import 'reflect-metadata';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../subgraphs/kit/project-root';
import { pendingSchemaChanges } from './diff';
import { findStore, ownedStores } from './stores';

const USAGE = `Usage: npm run migration:create -- <store> <name>
  Writes the changes between <store>'s entities and its migrations as a new migration
  (SQLite and PostgreSQL), then lists it in the store's migrations/index.ts.
  <store>  one of: %STORES%, or a subgraph made by npm run subgraph:new
  <name>   what the change does, in kebab-case, e.g. add-dossier-daily-stats
  PostgreSQL is diffed in a scratch schema of MIGRATIONS_DATABASE_URL
  (default postgres://postgres@127.0.0.1:5432/postgres).`;

function timestamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Rewrites the store's index.ts so that it imports every migration file of the folder, oldest first. */
function writeIndex(folder: string): void {
  const files = readdirSync(folder).filter((f) => /^\d{14}-[a-z0-9-]+\.ts$/.test(f)).sort();
  const kit = path.relative(folder, path.join(projectRoot(), 'subgraphs', 'kit', 'migrations')).split(path.sep).join('/');
  const imports = files.map((f, i) => `import m${i} from './${f.replace(/\.ts$/, '')}';`);
  writeFileSync(
    path.join(folder, 'index.ts'),
    `// Written by \`npm run migration:create\`: this store's migrations, in the order they run.\nimport type { StoreMigration } from '${kit}';\n${imports.join('\n')}\n\nexport const migrations: readonly StoreMigration[] = [${files.map((_, i) => `m${i}`).join(', ')}];\n`,
  );
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  const stores = ownedStores();
  const usage = USAGE.replace('%STORES%', Object.keys(stores).join(', '));
  if (values.help) return console.log(usage), 0;
  const [storeName, name] = positionals;
  const found = storeName ? findStore(storeName) : undefined;
  if (!found || !name || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) {
    console.error(!storeName || found ? usage : `Unknown store "${storeName}".\n${usage}`);
    return 2;
  }
  const { store, migrationsFolder } = found;
  const postgresUrl = process.env.MIGRATIONS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const sqlite = await pendingSchemaChanges(store, 'sqlite', postgresUrl);
  const postgresql = await pendingSchemaChanges(store, 'postgresql', postgresUrl);
  if (sqlite.length === 0 && postgresql.length === 0) {
    console.log(`${storeName}: its migrations already build what its entities declare; nothing written.`);
    return 0;
  }
  const id = `${timestamp()}-${name}`;
  const folder = path.join(projectRoot(), migrationsFolder);
  const kit = path.relative(folder, path.join(projectRoot(), 'subgraphs', 'kit', 'migrations')).split(path.sep).join('/');
  const body = `import { defineMigration } from '${kit}';\n\n// Generated from the entities; add data moves by hand below the DDL when a change needs them.\nexport default defineMigration('${id}', ${JSON.stringify({ sqlite, postgresql }, null, 2)});\n`;
  writeFileSync(path.join(folder, `${id}.ts`), body);
  writeIndex(folder);
  console.log(`${storeName}: wrote ${path.join(migrationsFolder, `${id}.ts`)} (${sqlite.length} SQLite, ${postgresql.length} PostgreSQL statements)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
