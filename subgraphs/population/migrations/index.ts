// Written by `npm run migration:create`: this store's migrations, in the order they run.
import type { StoreMigration } from '../../kit/migrations';
import m0 from './20261122185851-initial';
import m1 from './20261122190131-add-residence-2025';
import m2 from './20261122191333-add-unit-residents';

export const migrations: readonly StoreMigration[] = [m0, m1, m2];
