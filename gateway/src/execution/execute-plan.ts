import { ERRORS, errorCodeDef, Operation, operationFromDocument, Schema } from '@apollo/federation-internals';
import type { GraphQLDataSource } from '@apollo/gateway';
import { applyRewrites, isObjectOfType } from '@apollo/gateway/dist/dataRewrites';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { OperationContext } from '@apollo/gateway/dist/operationContext';
import { evaluateCondition, FetchNode, getResponseName, PlanNode, QueryPlan, QueryPlanSelectionNode, ResponsePath } from '@apollo/query-planner';
import type { GatewayExecutionResult, GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { trace } from '@opentelemetry/api';
import { DocumentNode, GraphQLError, GraphQLSchema, Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { deepMerge } from './deep-merge';
import { EntityBatches } from './entity-batches';
import { flatEntitySelection } from './flat-entity-selection';
import { executeIntrospection, splitIntrospection, SplitOperation } from './introspection';
import { compileResponseShape, ResponseShape, shapeResponse, unresolvedRootFields } from './shape-response';

/**
 * Executes a query plan: @apollo/gateway 2.14's executeQueryPlan with two costs removed, found
 * by profiling the standard benchmark query (bench/gateways):
 * - the operation is turned into federation-internals' form once per parsed document (cached
 *   with the document, whose node Apollo Server keeps in its document store), not per request;
 * - the response is shaped by a shape compiled once per operation (shape-response.ts);
 * and one change of calls: a request's `_entities` fetches to the same subgraph with the same
 * operation in the same turn go as one call, each distinct representation once (entity-batches.ts).
 * What it leaves out: Apollo usage-reporting traces of the plan (ftv1; this gateway does not
 * report to Apollo) and the per-request `gateway.execute`/`postprocessing` spans; each subgraph
 * call still has its `gateway.fetch` span, the parent of the subgraph's own spans.
 */
export type ServiceMap = Record<string, GraphQLDataSource>;

/** The operation of a request, split into what is planned and its root introspection (introspection.ts). */
export function splitOperation(operationContext: OperationContext): SplitOperation {
  return splitIntrospection(operationContext.operation, operationContext.fragments, operationContext.schema.getQueryType()?.name ?? 'Query');
}

interface Compiled {
  operation: Operation;
  shape: ResponseShape;
  /** The root introspection fields, answered by graphql-js (introspection.ts). */
  introspection?: DocumentNode;
}

const tracer = trace.getTracer('gateway-execution');
/** Per API schema, per operation node: the operation compiled. */
const compiledByApiSchema = new WeakMap<Schema, WeakMap<OperationDefinitionNode, Compiled>>();

function compiled(apiSchema: Schema, operationContext: OperationContext): Compiled {
  let bySchema = compiledByApiSchema.get(apiSchema);
  if (!bySchema) compiledByApiSchema.set(apiSchema, (bySchema = new WeakMap()));
  let entry = bySchema.get(operationContext.operation);
  if (!entry) {
    const split = splitOperation(operationContext);
    const operation = operationFromDocument(apiSchema, split.planned, { validate: false });
    entry = { operation, shape: compileResponseShape(operation, split.planned, split.placeholders), introspection: split.introspection };
    bySchema.set(operationContext.operation, entry);
  }
  return entry;
}

interface ExecutionContext {
  operation: Operation;
  operationContext: OperationContext;
  serviceMap: ServiceMap;
  requestContext: GatewayGraphQLRequestContext;
  supergraphSchema: GraphQLSchema;
  errors: GraphQLError[];
  /** Absent: every fetch is its own call. */
  entityBatches?: EntityBatches;
}

interface Cursor {
  path: ResponsePath;
  data: unknown;
  fullResult: Record<string, unknown>;
}

type ResultMap = Record<string, any>;

export async function executeQueryPlan(
  queryPlan: QueryPlan,
  serviceMap: ServiceMap,
  requestContext: GatewayGraphQLRequestContext,
  operationContext: OperationContext,
  supergraphSchema: GraphQLSchema,
  apiSchema: Schema,
  options: { batchEntities: boolean },
): Promise<GatewayExecutionResult> {
  let entry: Compiled;
  try {
    entry = compiled(apiSchema, operationContext);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
  const context: ExecutionContext = { operation: entry.operation, operationContext, serviceMap, requestContext, supergraphSchema, errors: [], entityBatches: options.batchEntities ? new EntityBatches() : undefined };
  const unfilteredData: ResultMap = Object.create(null);
  if (queryPlan.node?.kind === 'Subscription') throw new Error('Execution of subscriptions not supported by gateway');
  if (queryPlan.node) await executeNode(context, queryPlan.node, { path: [], data: unfilteredData, fullResult: unfilteredData });

  const variables = requestContext.request.variables;
  let data: Record<string, unknown> | null | undefined;
  try {
    let shapingErrors: GraphQLError[];
    let introspected: Record<string, unknown> | undefined;
    ({ data, errors: shapingErrors } = shapeResponse(entry.shape, unfilteredData, variables, (responseName) => {
      introspected ??= executeIntrospection(operationContext.schema, entry.introspection!, variables);
      return Object.prototype.hasOwnProperty.call(introspected, responseName) ? introspected[responseName] : undefined;
    }));
    if (context.errors.length === 0) {
      const unresolved = unresolvedRootFields(entry.shape, unfilteredData, variables);
      if (unresolved.length > 0) {
        return { data: null, errors: unresolved.map((name) => ERRORS.INVALID_GRAPHQL.err(`Cannot resolve field "${name}": no subgraph can answer its selections (the query plan has no fetch for it).`, { path: [name] })) };
      }
    }
    // A value the shaping nulls (a non-null field null, e.g. of an entity a subgraph answered
    // null for; an invalid value) is an error of the response, as in graphql-js (@apollo/gateway
    // puts these only in `extensions.valueCompletion`). When a subgraph reported errors, they are
    // left out, as @apollo/gateway does: a subgraph that fails a non-null field nulls its parents
    // in its own answer (up to its whole `data`), so those nulls are the subgraph error's and
    // telling which are not takes more than the paths.
    if (context.errors.length === 0 && shapingErrors.length > 0) return { errors: shapingErrors, data };
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    if (error instanceof Error) return { errors: [new GraphQLError(error.message, { originalError: error })] };
    return { errors: [new GraphQLError('Unexpected error during query plan execution')] };
  }
  return context.errors.length === 0 ? { data } : { errors: context.errors, data };
}

async function executeNode(context: ExecutionContext, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(context, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(context, child, cursor)));
      return;
    case 'Flatten':
      await executeNode(context, node.node, moveIntoCursor(cursor, node.path));
      return;
    case 'Fetch':
      try {
        await executeFetch(context, node, cursor);
      } catch (error) {
        context.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const branch = evaluateCondition(node, context.operation.variableDefinitions, context.requestContext.request.variables) ? node.ifClause : node.elseClause;
      if (branch) await executeNode(context, branch, cursor);
      return;
    }
    case 'Defer':
      throw new Error('@defer support is not available in the gateway');
  }
}

const isPresent = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

async function executeFetch(context: ExecutionContext, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = context.serviceMap[fetch.serviceName];
  return tracer.startActiveSpan('gateway.fetch', { attributes: { service: fetch.serviceName } }, async (span) => {
    try {
      if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
      const entities: ResultMap[] = Array.isArray(cursor.data) ? cursor.data.filter(isPresent) : [cursor.data as ResultMap];
      if (entities.length < 1) return;
      const variables: Record<string, unknown> = Object.create(null);
      const provided = context.requestContext.request.variables;
      for (const name of fetch.variableUsages ?? []) {
        if (provided && Object.prototype.hasOwnProperty.call(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
      }
      if (!fetch.requires) {
        const call = callService(context, fetch, service, cursor, variables);
        const received = absorbResponse(context, fetch, cursor, await (context.entityBatches ? context.entityBatches.track(call) : call));
        if (received) applyRewrites(context.supergraphSchema, fetch.outputRewrites, received);
        for (const entity of entities) deepMerge(entity, received);
        return;
      }
      const representations: ResultMap[] = [];
      const representationToEntity: number[] = [];
      entities.forEach((entity, index) => {
        const representation = executeSelectionSet(context.supergraphSchema, entity, fetch.requires!);
        if (representation && representation.__typename) {
          applyRewrites(context.supergraphSchema, fetch.inputRewrites, representation);
          representations.push(representation);
          representationToEntity.push(index);
        }
      });
      if (representations.length < 1) return;
      if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
      const response = context.entityBatches
        ? await context.entityBatches.call({
            key: `${batchKey(fetch)}\n${JSON.stringify(variables)}`,
            representations,
            // Mutations always call: a field read after a root mutation field may have changed.
            recallable: context.operationContext.operation.operation === OperationTypeNode.QUERY ? flatEntitySelection(fetch) : undefined,
            send: (sent) => callService(context, fetch, service, cursor, { ...variables, representations: sent }),
          })
        : await callService(context, fetch, service, cursor, { ...variables, representations });
      const received = absorbResponse(context, fetch, cursor, response);
      if (!received) return;
      if (!Array.isArray(received._entities)) throw new Error('Expected "data._entities" in response to be an array');
      const receivedEntities = received._entities as (ResultMap | null)[];
      if (receivedEntities.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
      for (let i = 0; i < representations.length; i += 1) {
        const receivedEntity = receivedEntities[i];
        const existing = entities[representationToEntity[i]];
        if (receivedEntity && !receivedEntity.__typename) receivedEntity.__typename = existing.__typename;
        if (receivedEntity) applyRewrites(context.supergraphSchema, fetch.outputRewrites, receivedEntity);
        deepMerge(entities[representationToEntity[i]], receivedEntity);
      }
    } catch (error) {
      span.setStatus({ code: 2 /* SpanStatusCode.ERROR */ });
      throw error;
    } finally {
      span.end();
    }
  });
}

const batchKeys = new WeakMap<FetchNode, string>();

/** Subgraph and operation, without the operation's name (the planner numbers each fetch's operation). */
function batchKey(fetch: FetchNode): string {
  let key = batchKeys.get(fetch);
  if (key === undefined) {
    key = `${fetch.serviceName}\n${fetch.operationName ? fetch.operation.replace(fetch.operationName, '') : fetch.operation}`;
    batchKeys.set(fetch, key);
  }
  return key;
}

function callService(context: ExecutionContext, fetch: FetchNode, service: GraphQLDataSource, cursor: Cursor, variables: Record<string, unknown>): Promise<GatewayGraphQLResponse> {
  return service.process({
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query: fetch.operation, variables, operationName: fetch.operationName },
    incomingRequestContext: context.requestContext,
    context: context.requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  });
}

/** A fetch's errors, placed in the client's response; its data. */
function absorbResponse(context: ExecutionContext, fetch: FetchNode, cursor: Cursor, response: GatewayGraphQLResponse): ResultMap | undefined | null {
  if (response.errors) {
    const errorPath = lazyErrorPaths(fetch, cursor);
    context.errors.push(...response.errors.map((error) => downstreamServiceError(error, fetch.serviceName, errorPath)));
    const errorPaths = response.errors.map((error) => ({ subgraph: fetch.serviceName, path: error.path }));
    const metrics = context.requestContext.metrics as { nonFtv1ErrorPaths?: { subgraph: string; path: unknown }[] };
    if (metrics.nonFtv1ErrorPaths) metrics.nonFtv1ErrorPaths.push(...errorPaths);
    else metrics.nonFtv1ErrorPaths = errorPaths;
  }
  return response.data as ResultMap | undefined | null;
}

/** Paths of a subgraph's errors in the client's response (an `_entities` index becomes the entity's path). */
function lazyErrorPaths(fetch: FetchNode, cursor: Cursor) {
  let hydrated: ResponsePath[] | undefined;
  return (errorPath: readonly (string | number)[] | undefined): ResponsePath | undefined => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        generateHydratedPaths([], cursor.path, cursor.fullResult, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath.slice()] : undefined;
  };
}

function generateHydratedPaths(parent: ResponsePath, path: ResponsePath, data: unknown, result: ResponsePath[]): void {
  const head = path[0];
  if (data === null || data === undefined) return;
  if (head === undefined || head === null) {
    result.push(parent.slice());
  } else if (head === '@') {
    if (!Array.isArray(data)) throw new Error('expected array when encountering `@`');
    data.forEach((value, i) => {
      parent.push(i);
      generateHydratedPaths(parent, path.slice(1), value, result);
      parent.pop();
    });
  } else if (typeof head === 'string') {
    if (Array.isArray(data)) {
      data.forEach((value, i) => {
        parent.push(i);
        generateHydratedPaths(parent, path, value, result);
        parent.pop();
      });
    } else if (Object.prototype.hasOwnProperty.call(data, head)) {
      parent.push(head);
      generateHydratedPaths(parent, path.slice(1), (data as ResultMap)[head], result);
      parent.pop();
    }
  } else {
    throw new Error(`unknown path part "${head}"`);
  }
}

/** The representation of an entity for an `_entities` call: the fields its `requires` selects (a plain object: cheaper to build and to serialise). */
function executeSelectionSet(schema: GraphQLSchema, source: ResultMap | null, selections: QueryPlanSelectionNode[]): ResultMap | null {
  if (source === null) return null;
  let result: ResultMap = {};
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      const responseName = getResponseName(selection);
      const value = Object.prototype.hasOwnProperty.call(source, responseName) ? source[responseName] : undefined;
      if (value === undefined) return null;
      const sub = selection.selections;
      const selected = Array.isArray(value) ? value.map((element) => (sub ? executeSelectionSet(schema, element, sub) : element)) : sub ? executeSelectionSet(schema, value, sub) : value;
      if (responseName === '__proto__') Object.defineProperty(result, responseName, { value: selected, enumerable: true, writable: true, configurable: true });
      else result[responseName] = selected;
    } else if (selection.typeCondition && source && isObjectOfType(schema, source, selection.typeCondition)) {
      const selected = executeSelectionSet(schema, source, selection.selections);
      // A `requires` is mostly one fragment (`... on Product { __typename upc }`): its result is the representation, not merged into a copy.
      if (selected && isEmpty(result)) result = selected;
      else deepMerge(result, selected);
    }
  }
  return result;
}

function isEmpty(object: ResultMap): boolean {
  for (const _ in object) return false;
  return true;
}

function moveIntoCursor(cursor: Cursor, path: ResponsePath): Cursor | undefined {
  const data = flattenResultsAtPath(cursor.data, path);
  return data ? { path: cursor.path.concat(path), data, fullResult: cursor.fullResult } : undefined;
}

/** The values at `path` ('@' = every element of a list), flattened into one list once a '@' is passed (as @apollo/gateway's, without an array per level). */
function flattenResultsAtPath(value: unknown, path: ResponsePath): unknown {
  for (let i = 0; i < path.length; i += 1) {
    if (value === undefined || value === null) return value;
    if (path[i] === '@') {
      const out: unknown[] = [];
      for (const element of value as unknown[]) flattenInto(element, path, i + 1, out);
      return out;
    }
    value = step(value, path[i]);
  }
  return value;
}

/** Adds to `out` what flatMap would for the value at `path[from..]` of `value`: its elements if it is a list, else itself. */
function flattenInto(value: unknown, path: ResponsePath, from: number, out: unknown[]): void {
  for (let i = from; i < path.length; i += 1) {
    if (value === undefined || value === null) break;
    if (path[i] === '@') {
      for (const element of value as unknown[]) flattenInto(element, path, i + 1, out);
      return;
    }
    value = step(value, path[i]);
  }
  if (Array.isArray(value)) for (const element of value) out.push(element);
  else out.push(value);
}

function step(value: unknown, key: string | number): unknown {
  if (typeof key !== 'string') throw new Error(`Unexpected ${typeof key} found in path`);
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${key}`);
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as ResultMap)[key] : undefined;
}

function downstreamServiceError(original: GraphQLError | Record<string, any>, serviceName: string, errorPath: ReturnType<typeof lazyErrorPaths>): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const extensions = original.extensions as Record<string, unknown> | undefined;
  const options = { originalError: original as Error, path: errorPath(original.path as (string | number)[] | undefined), extensions: { ...extensions, serviceName } };
  const codeDef = errorCodeDef(original as GraphQLError);
  if (!codeDef && extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}
