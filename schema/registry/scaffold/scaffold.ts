import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../subgraphs/kit/project-root';
import { subgraphNames, SubgraphNames } from './names';

/** Template (in templates/, read from the source tree also when running from dist/) → file in the new folder. */
const FILES: [template: string, target: (n: SubgraphNames) => string][] = [
  ['index.ts.tmpl', () => 'index.ts'],
  ['entities-record.ts.tmpl', (n) => `entities/${n.name}-record.ts`],
  ['entities-citizen.ts.tmpl', () => 'entities/citizen.ts'],
  ['record-resolver.ts.tmpl', (n) => `resolvers/${n.name}-record.resolver.ts`],
  ['citizen-resolver.ts.tmpl', () => 'resolvers/citizen.resolver.ts'],
  ['loaders.ts.tmpl', () => 'loaders.ts'],
  ['seed.ts.tmpl', () => 'seed.ts'],
  ['migration-initial.ts.tmpl', () => 'migrations/00000000000000-initial.ts'],
  ['migrations-index.ts.tmpl', () => 'migrations/index.ts'],
  ['test.ts.tmpl', (n) => `__tests__/${n.name}.test.ts`],
  ['README.md.tmpl', () => 'README.md'],
];

function fill(template: string, names: SubgraphNames): string {
  return template
    .replaceAll('__PASCAL__', names.pascal)
    .replaceAll('__CAMEL__', names.camel)
    .replaceAll('__SNAKE__', names.snake)
    .replaceAll('__PREFIX__', names.prefix)
    .replaceAll('__NAME__', names.name);
}

/**
 * Writes `<subgraphsDir>/<name>/` from the templates: an entity, its resolvers, loaders, seed and
 * test, and a field on Citizen. Refuses to overwrite anything. Returns the files written.
 */
export function scaffoldSubgraph(name: string, subgraphsDir = path.join(projectRoot(), 'subgraphs')): { dir: string; files: string[]; names: SubgraphNames } {
  const names = subgraphNames(name);
  const dir = path.join(subgraphsDir, names.name);
  if (existsSync(dir)) throw new Error(`${dir} already exists; choose another name or remove it`);
  const templates = path.join(projectRoot(), 'schema', 'registry', 'scaffold', 'templates');
  const files: string[] = [];
  for (const [template, target] of FILES) {
    const file = path.join(dir, target(names));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, fill(readFileSync(path.join(templates, template), 'utf8'), names));
    files.push(file);
  }
  return { dir, files, names };
}
