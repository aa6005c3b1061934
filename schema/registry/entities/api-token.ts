import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** What a token may do: an agency publishes its subgraphs; the gateway reads secrets and reports usage. */
export type TokenRole = 'agency' | 'gateway';

/**
 * A bearer token, stored only as the SHA-256 of the random value handed out once; a stolen
 * database does not give working tokens.
 */
@Entity({ tableName: 'api_token' })
export class ApiToken {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  /** Hex SHA-256 of the token. */
  @Unique({ name: 'api_token_hash_unique' })
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: 'string', length: 10 })
  role!: TokenRole;

  /** The owning agency of an agency token; null for a gateway token. */
  @Index()
  @Property({ type: 'string', length: 40, nullable: true })
  agencyId?: string | null;

  /** Free text the administrator chose ("ci", "npm-start"); a new token may replace the older ones of its label. */
  @Property({ type: 'string', length: 100 })
  label!: string;

  @Property({ type: 'string', length: 24 })
  createdAt!: string;

  /** Set when revoked; a revoked token is refused. */
  @Property({ type: 'string', length: 24, nullable: true })
  revokedAt?: string | null;
}
