import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../kit';
import { Business } from '../entities/business';

@ObjectType('BusinessConnection', { description: 'A page of enterprises, ordered by tax code (Relay connection).' })
export class BusinessConnection extends ConnectionType(Business, 'Business') {}
