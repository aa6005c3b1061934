import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A client operation the gateway executed, by signature (normalised text: literals hidden, aliases dropped, sorted). */
@Entity({ tableName: 'operation_signature' })
export class OperationSignature {
  /** Hex SHA-256 of the signature. */
  @PrimaryKey({ type: 'string', length: 64 })
  hash!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  operationName?: string | null;

  @Property({ type: 'text' })
  signature!: string;

  @Property({ type: 'string', length: 24 })
  firstSeenAt!: string;
}

/**
 * A schema coordinate an operation uses: "Type.field", "Type.field(arg:)", "Input.field",
 * "Enum.VALUE", or a bare type name (fragment condition, variable type). `typeName` lets a
 * removed type find every operation touching it.
 */
@Entity({ tableName: 'operation_field' })
@Unique({ name: 'operation_field_unique', properties: ['signatureHash', 'coordinate'] })
export class OperationField {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64 })
  signatureHash!: string;

  @Index()
  @Property({ type: 'string', length: 300 })
  coordinate!: string;

  @Index()
  @Property({ type: 'string', length: 200 })
  typeName!: string;
}

/** How often an operation ran on a day (UTC) for one client. */
@Entity({ tableName: 'operation_usage' })
@Unique({ name: 'operation_usage_unique', properties: ['signatureHash', 'day', 'client'] })
@Index({ name: 'operation_usage_day_index', properties: ['day'] })
export class OperationUsage {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64 })
  signatureHash!: string;

  /** "YYYY-MM-DD" (UTC). */
  @Property({ type: 'string', length: 10 })
  day!: string;

  /** The client's name as the gateway saw it (apollographql-client-name), or "" when unknown. */
  @Property({ type: 'string', length: 100 })
  client!: string;

  @Property({ type: 'integer' })
  count!: number;

  @Property({ type: 'string', length: 24 })
  lastSeenAt!: string;
}
