import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A composed supergraph; immutable. Which one the gateways serve is the latest RolloutEvent. */
@Entity({ tableName: 'supergraph_version' })
export class SupergraphVersion {
  /** 1, 2, 3, … in publish order. */
  @PrimaryKey({ type: 'integer', autoincrement: false })
  version!: number;

  /** Hex SHA-256 of the supergraph SDL. */
  @Index()
  @Property({ type: 'string', length: 64 })
  hash!: string;

  @Property({ type: 'text' })
  supergraphSdl!: string;

  /** The client-facing (API) schema: what breaking-change checks compare. */
  @Property({ type: 'text' })
  apiSchemaSdl!: string;

  @Property({ type: 'string', length: 24 })
  createdAt!: string;

  /** Agency id of the publisher. */
  @Property({ type: 'string', length: 40 })
  author!: string;

  /** The subgraph whose publish produced this version. */
  @Property({ type: 'string', length: 64 })
  subgraphName!: string;

  /** JSON: { headline, changes: SchemaChange[], forced }. */
  @Property({ type: 'text' })
  summary!: string;

  /** JSON: [{ name, url, publishId, sdlHash }] — the subgraph schemas this version composes. */
  @Property({ type: 'text' })
  subgraphs!: string;
}
