import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../../subgraphs/kit/migrations';
import { projectRoot } from '../../subgraphs/kit/project-root';
import { BUILT_IN_SUBGRAPHS, loadSubgraph } from '../../subgraphs/catalog';
import { REGISTRY_STORE } from '../registry/entities';

/** Every database the project owns, by name, with the folder its migrations are written to. */
export interface OwnedStore {
  store: Store;
  migrationsFolder: string;
}

const SUBGRAPH_FOLDERS: Record<string, string> = {
  population: 'subgraphs/population/migrations',
  business: 'subgraphs/business/migrations',
  dossiers: 'subgraphs/dossiers/migrations',
  indicators: 'subgraphs/indicators/migrations',
  access: 'subgraphs/access/store/migrations',
};

export function ownedStores(): Record<string, OwnedStore> {
  const stores: Record<string, OwnedStore> = { registry: { store: REGISTRY_STORE, migrationsFolder: 'schema/registry/migrations' } };
  for (const name of BUILT_IN_SUBGRAPHS) stores[name] = { store: loadSubgraph(name), migrationsFolder: SUBGRAPH_FOLDERS[name] };
  return stores;
}

/** A store by name: the owned ones, or a subgraph made by `npm run subgraph:new` (its folder under subgraphs/). */
export function findStore(name: string): OwnedStore | undefined {
  const owned = ownedStores()[name];
  if (owned || !/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(path.join(projectRoot(), 'subgraphs', name, 'migrations'))) return owned;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const store = require(path.join(__dirname, '..', '..', 'subgraphs', name)).subgraph as Store;
  return { store, migrationsFolder: `subgraphs/${name}/migrations` };
}
