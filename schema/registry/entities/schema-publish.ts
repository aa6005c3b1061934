import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One accepted publish of a subgraph: who, when, what SDL and URL, and what changed. Never updated. */
@Entity({ tableName: 'schema_publish' })
@Index({ name: 'schema_publish_subgraph_index', properties: ['subgraphName', 'id'] })
export class SchemaPublish {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64 })
  subgraphName!: string;

  /** Where the gateway reaches the subgraph. */
  @Property({ type: 'string', length: 500 })
  routingUrl!: string;

  @Property({ type: 'text' })
  sdl!: string;

  /** Hex SHA-256 of the SDL. */
  @Property({ type: 'string', length: 64 })
  sdlHash!: string;

  @Property({ type: 'string', length: 24 })
  publishedAt!: string;

  /** The publishing agency's id. */
  @Property({ type: 'string', length: 40 })
  agencyId!: string;

  /** Label of the token used (e.g. "ci"), so that a publish can be traced to a pipeline. */
  @Property({ type: 'string', length: 100 })
  tokenLabel!: string;

  /** True when breaking changes were accepted with --force. */
  @Property({ type: 'boolean' })
  forced!: boolean;

  /** The supergraph version this publish made current. */
  @Property({ type: 'integer' })
  supergraphVersion!: number;

  /** JSON: the SchemaChange list of the client-facing schema, and a one-line summary. */
  @Property({ type: 'text' })
  changes!: string;
}
