import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A public body (Sở Y tế, Sở Giáo dục, Công an tỉnh, …) that owns subgraphs; registered by an administrator. */
@Entity({ tableName: 'agency' })
export class Agency {
  /** Short lower-case id, e.g. "soyte"; it names the agency in every publish record. */
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** UTC ISO instant. */
  @Property({ type: 'string', length: 24 })
  createdAt!: string;
}
