import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A grant as the registry stores it (see grant.ts for the meaning of each field). Revoked grants are kept, marked. */
@Entity({ tableName: 'access_grant' })
export class GrantRecord {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 64 })
  @Index()
  agency!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  level!: 'PUBLIC' | 'BASIC' | null;

  /** JSON list of field coordinates. */
  @Property({ type: 'text' })
  fields!: string;

  /** JSON list of the administrative unit ids the agency acts for (see Grant.actsFor). */
  @Property({ type: 'text', default: '[]' })
  actsFor!: string;

  /** JSON list of purpose codes. */
  @Property({ type: 'text' })
  purposes!: string;

  @Property({ type: 'text' })
  legalBasis!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  validFrom!: string | null;

  @Property({ type: 'string', length: 10, nullable: true })
  validTo!: string | null;

  /** UTC instant, ISO string ending in Z. */
  @Property({ type: 'string', length: 24 })
  createdAt!: string;

  @Property({ type: 'string', length: 24, nullable: true })
  revokedAt!: string | null;
}
