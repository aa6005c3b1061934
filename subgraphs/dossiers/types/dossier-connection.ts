import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../kit';
import { Dossier } from '../entities/dossier';

@ObjectType('DossierConnection', { description: 'A page of dossiers, ordered by dossier code (keyset paging on the code).' })
export class DossierConnection extends ConnectionType(Dossier, 'Dossier') {}
