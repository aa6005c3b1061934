// Written by `npm run migration:create`: this store's migrations, in the order they run.
import type { StoreMigration } from '../../../kit/migrations';
import m0 from './20261122185901-initial';

export const migrations: readonly StoreMigration[] = [m0];
