// Written by `npm run migration:create`: this store's migrations, in the order they run.
import type { StoreMigration } from '../../../subgraphs/kit/migrations';
import m0 from './20261122185904-initial';
import m1 from './20261207162042-add-grant-acts-for';

export const migrations: readonly StoreMigration[] = [m0, m1];
