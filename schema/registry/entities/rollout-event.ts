import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A change of the current supergraph version (a publish or a rollback); append-only. The
 * current version is the one of the latest event, so versions themselves stay immutable.
 */
@Entity({ tableName: 'supergraph_rollout' })
export class RolloutEvent {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'integer', nullable: true })
  previousVersion?: number | null;

  @Property({ type: 'string', length: 24 })
  at!: string;

  /** Agency id, or "admin". */
  @Property({ type: 'string', length: 40 })
  actor!: string;

  @Property({ type: 'string', length: 10 })
  reason!: 'publish' | 'rollback';
}
