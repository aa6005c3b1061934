// Written by `npm run migration:create`: this store's migrations, in the order they run.
import type { StoreMigration } from '../../kit/migrations';
import m0 from './20261122185856-initial';
import m1 from './20261122190413-add-daily-stats';
import m2 from './20261122201230-rollup-subtree-rows';

export const migrations: readonly StoreMigration[] = [m0, m1, m2];
