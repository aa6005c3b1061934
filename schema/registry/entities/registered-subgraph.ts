import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A subgraph name and the agency that claimed it with its first accepted publish, with the
 * secret the gateway will sign its calls to this subgraph with (handed to the agency once, to
 * the gateway through GET /gateway/subgraph-secrets).
 */
@Entity({ tableName: 'registered_subgraph' })
export class RegisteredSubgraph {
  @PrimaryKey({ type: 'string', length: 64 })
  name!: string;

  @Index()
  @Property({ type: 'string', length: 40 })
  agencyId!: string;

  /** Random 32 bytes, base64url. Kept readable: the gateway needs the value itself to sign. */
  @Property({ type: 'string', length: 64 })
  signingSecret!: string;

  @Property({ type: 'string', length: 24 })
  createdAt!: string;
}
