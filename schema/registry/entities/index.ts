import type { Store } from '../../../subgraphs/kit/migrations';
import { GrantRecord } from '../../grants/grant.entity';
import { migrations } from '../migrations';
import { Agency } from './agency';
import { ApiToken } from './api-token';
import { OperationField, OperationSignature, OperationUsage } from './operation-usage';
import { RegisteredSubgraph } from './registered-subgraph';
import { RolloutEvent } from './rollout-event';
import { SchemaPublish } from './schema-publish';
import { SupergraphVersion } from './supergraph-version';

export { Agency, ApiToken, GrantRecord, OperationField, OperationSignature, OperationUsage, RegisteredSubgraph, RolloutEvent, SchemaPublish, SupergraphVersion };
export type { TokenRole } from './api-token';

/** Every table of the registry's database, grants included. */
export const REGISTRY_ENTITIES = [Agency, ApiToken, RegisteredSubgraph, SchemaPublish, SupergraphVersion, RolloutEvent, OperationSignature, OperationField, OperationUsage, GrantRecord];

/** The registry's database: its tables and the migrations that build them. */
export const REGISTRY_STORE: Store = { name: 'registry', entities: REGISTRY_ENTITIES, migrations };
