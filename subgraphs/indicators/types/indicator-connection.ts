import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../kit';
import { Indicator } from '../entities/indicator';

@ObjectType('IndicatorConnection', { description: 'A page of indicators in code order (keyset paging on `code`).' })
export class IndicatorConnection extends ConnectionType(Indicator, 'Indicator') {}
