// Written by `npm run migration:create`: this store's migrations, in the order they run.
import type { StoreMigration } from '../../../subgraphs/kit/migrations';
import m0 from './20261122185904-initial';

export const migrations: readonly StoreMigration[] = [m0];
