import type { EntityClass } from '@mikro-orm/core';
import type { StoreMigration } from './define';

/** A database owned by one service: its entities and the ordered migrations that build its tables. */
export interface Store {
  name: string;
  entities: EntityClass<any>[];
  migrations: readonly StoreMigration[];
}
