import { GrantRecord } from '../../grants/grant.entity';
import { Agency } from './agency';
import { ApiToken } from './api-token';
import { OperationField, OperationSignature, OperationUsage } from './operation-usage';
import { RegisteredSubgraph } from './registered-subgraph';
import { RolloutEvent } from './rollout-event';
import { SchemaPublish } from './schema-publish';
import { SupergraphVersion } from './supergraph-version';

export { Agency, ApiToken, GrantRecord, OperationField, OperationSignature, OperationUsage, RegisteredSubgraph, RolloutEvent, SchemaPublish, SupergraphVersion };
export type { TokenRole } from './api-token';

/** Every table of the registry's database (openDatabase creates the missing ones), grants included. */
export const REGISTRY_ENTITIES = [Agency, ApiToken, RegisteredSubgraph, SchemaPublish, SupergraphVersion, RolloutEvent, OperationSignature, OperationField, OperationUsage, GrantRecord];
