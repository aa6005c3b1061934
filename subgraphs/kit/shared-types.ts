import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BasicPersonal, Public, SensitivePersonal } from './classification';

// Value types that several subgraphs expose. Federation requires them to be identical
// everywhere, so they are declared once, here.

export enum AdministrativeLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
registerEnumType(AdministrativeLevel, {
  name: 'AdministrativeLevel',
  description: 'Level of an administrative unit (cấp hành chính).',
  valuesConfig: {
    PROVINCE: { description: 'Province or centrally-run city (cấp tỉnh).' },
    DISTRICT: { description: 'District, town or provincial city (cấp huyện); abolished on 2025-07-01.' },
    COMMUNE: { description: 'Ward, township or commune (cấp xã: phường, thị trấn, xã).' },
  },
});

export enum StatsScope {
  SUBTREE = 'SUBTREE',
  OWN = 'OWN',
}
registerEnumType(StatsScope, {
  name: 'StatsScope',
  description: 'Which units an aggregate covers (phạm vi thống kê).',
  valuesConfig: {
    SUBTREE: { description: 'The unit and every unit below it (the default). SUBTREE = OWN + Σ children\'s SUBTREE.' },
    OWN: { description: 'The unit alone, without the units below it.' },
  },
});

@Directive('@shareable')
@ObjectType({ description: 'Relay page information for a connection.' })
export class PageInfo {
  @Public()
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Public()
  @Field({ description: 'True when items precede this page (an `after` cursor was given).' })
  hasPreviousPage!: boolean;

  @Public()
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page.' })
  startCursor!: string | null;

  @Public()
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'A count of items sharing one key (e.g. a VSIC section letter).' })
export class CountByKey {
  @Public()
  @Field({ description: 'The grouping key.' })
  key!: string;

  @Public()
  @Field(() => Int, { description: 'Number of items with this key.' })
  count!: number;
}
