import { createHash } from 'node:crypto';
import type { Schema } from '@apollo/federation-internals';
import { ApolloGateway, buildOperationContext, GatewayConfig, GraphQLDataSource } from '@apollo/gateway';
import type { OperationContext } from '@apollo/gateway/dist/operationContext';
import { operationFromDocument } from '@apollo/federation-internals';
import type { QueryPlan, QueryPlanner } from '@apollo/query-planner';
import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { print, type GraphQLError, type GraphQLSchema } from 'graphql';
import { executeQueryPlan, ServiceMap, splitOperation } from './execute-plan';
import { withoutKeepFields } from './introspection';
export type { ServiceMap };

/** What the executor reads of ApolloGateway 2.14's state (private there; @apollo/gateway is pinned to an exact version). */
interface GatewayState {
  apiSchema?: Schema;
  supergraphSchema?: GraphQLSchema;
  schema?: GraphQLSchema;
  queryPlanner?: QueryPlanner;
  queryPlanStore: { get(key: string): Promise<QueryPlan | undefined>; set(key: string, plan: QueryPlan): Promise<void> };
  serviceMap: Record<string, { dataSource: GraphQLDataSource }>;
  recursiveSelectionsLimitDisabled: boolean;
  nonLocalSelectionsLimitDisabled: boolean;
  logger: { warn(message: string): void };
  validateIncomingRequest(requestContext: GatewayGraphQLRequestContext, operationContext: OperationContext): GraphQLError[];
}

/**
 * ApolloGateway (schema loading, updates, planning, the plan cache, data sources) with its own
 * executor: the same steps as @apollo/gateway's, executing plans with ./execute-plan.ts.
 */
export interface ExecutionOptions {
  /** Combine a request's `_entities` fetches (entity-batches.ts). */
  batchEntities: boolean;
}

export class CompiledExecutionGateway extends ApolloGateway {
  constructor(private readonly execution: ExecutionOptions, config?: GatewayConfig) {
    super(config);
    this.executor = (requestContext) => this.executeRequest(requestContext);
  }

  private async executeRequest(requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const state = this as unknown as GatewayState;
    const { request, document, queryHash } = requestContext;
    if (!state.schema || !state.apiSchema || !state.supergraphSchema || !state.queryPlanner) throw new Error('The gateway has no schema loaded yet');
    const planKey = request.operationName ? createHash('sha256').update(queryHash).update(request.operationName).digest('hex') : queryHash;
    const operationContext = buildOperationContext({ schema: state.schema, operationDocument: document, operationName: request.operationName });
    const validationErrors = state.validateIncomingRequest(requestContext, operationContext);
    if (validationErrors.length > 0) return { errors: validationErrors };

    let queryPlan = await state.queryPlanStore.get(planKey);
    if (!queryPlan) {
      // Planned without its root introspection, which graphql-js answers (introspection.ts).
      const { planned } = splitOperation(operationContext);
      const plan = (document: typeof planned) =>
        state.queryPlanner!.buildQueryPlan(operationFromDocument(state.apiSchema!, document), {
          recursiveSelectionsLimitDisabled: state.recursiveSelectionsLimitDisabled,
          nonLocalSelectionsLimitDisabled: state.nonLocalSelectionsLimitDisabled,
        });
      try {
        queryPlan = plan(planned);
      } catch (error) {
        // A hidden __typename the planner cannot place: plan as @apollo/gateway does (introspection.ts).
        const fallback = withoutKeepFields(planned);
        if (print(fallback) === print(planned)) throw error;
        queryPlan = plan(fallback);
      }
      try {
        await state.queryPlanStore.set(planKey, queryPlan);
      } catch (error) {
        state.logger.warn(`Could not store queryPlan ${(error as Error)?.message ?? error}`);
      }
    }
    const serviceMap: ServiceMap = Object.create(null);
    for (const [name, { dataSource }] of Object.entries(state.serviceMap)) serviceMap[name] = dataSource;
    return executeQueryPlan(queryPlan, serviceMap, requestContext, operationContext, state.supergraphSchema, state.apiSchema, this.execution);
  }
}
