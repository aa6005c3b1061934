import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Public } from '../../kit/classification';

/** One of the 27 sectors (lĩnh vực) of the operations centre's indicator catalogue. */
@Entity({ tableName: 'sector' })
@ObjectType('Sector', { description: 'A sector (lĩnh vực) of the smart-city operations centre (IOC) indicator catalogue, e.g. "Y tế" (health).' })
export class Sector {
  @PrimaryKey({ type: 'string', length: 8 })
  @Public()
  @Field(() => ID, { description: 'Short sector code, e.g. "DVC" (Dịch vụ công, public services) or "YTE" (Y tế, health).' })
  code!: string;

  @Property({ type: 'string', length: 120 })
  @Public()
  @Field(() => String, { description: 'Vietnamese name of the sector (tên lĩnh vực), e.g. "Dịch vụ công".' })
  name!: string;
}
