import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { GatewayErrorCode } from '../../errors';
import { operationKey } from '../operation-key';
import { costModelFromSdl, CostOptions, FieldCostRule, operationCost } from './cost';
import { measureOperation } from './shape';

export { measureOperation } from './shape';
export type { OperationShape } from './shape';
export { costModelFromSdl, operationCost } from './cost';
export type { CostModel, CostOptions, FieldCostRule } from './cost';

/** Limits on one operation; each has an environment variable (see ../LIMITS.md). */
export interface OperationLimits {
  /** Deepest field nesting, a root field being level 1 (MAX_DEPTH, default 15). */
  maxDepth: number;
  /** Aliased fields, counted once per place a fragment is spread (MAX_ALIASES, default 30). */
  maxAliases: number;
  /** Distinct root fields (MAX_ROOT_FIELDS, default 10). */
  maxRootFields: number;
  /** Estimated cost (MAX_COST, default 5000; see cost.ts). */
  maxCost: number;
  /** Assumed size of a list without a `first` argument (DEFAULT_LIST_SIZE, default 20). */
  defaultListSize: number;
  /** Lexical tokens in a document, enforced by the parser (MAX_TOKENS, default 15000). */
  maxTokens: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 10,
  maxCost: 5_000,
  defaultListSize: 20,
  maxTokens: 15_000,
};

/** The contract's page sizes: `first` defaults to 20, and above 100 is BAD_USER_INPUT. */
export const PAGE_SIZE = { defaultPageSize: 20, maxPageSize: 100 } as const;

export interface OperationLimitsPluginOptions {
  limits: OperationLimits;
  /** The supergraph served; its `@cost` / `@listSize` directives, if any, set weights and sizes. */
  supergraphSdl: string;
  /** Weights and list sizes by "Type.field", over the directives and defaults. */
  fieldRules?: Record<string, FieldCostRule>;
}

/** A refusal with a stable code and the limit in its extensions; HTTP 400 unless said otherwise. */
export function limitError(code: GatewayErrorCode, message: string, extensions: Record<string, unknown> = {}, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status } } });
}

/**
 * Refuses an operation that is too deep, has too many aliases or root fields, asks for a page
 * outside 0–100, or is estimated to cost too much, after validation and before the query
 * planner or any subgraph is involved. Introspection subtrees are not measured (the
 * introspection plugin decides about them).
 */
export function OperationLimitsPlugin(options: OperationLimitsPluginOptions): ApolloServerPlugin {
  const { limits } = options;
  const model = costModelFromSdl(options.supergraphSdl);
  const costOptions: CostOptions = { defaultListSize: limits.defaultListSize, ...PAGE_SIZE };
  // The shape depends on the document only, the cost also on the variables (page sizes): both are
  // kept per document and variables, and forgotten when the schema changes.
  let cacheSchema: unknown;
  let measured = new Map<string, { shape: ReturnType<typeof measureOperation>; cost?: number }>();
  const CACHE_ENTRIES = 1_000;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, queryHash }) {
          if (!operation) return;
          if (schema !== cacheSchema) {
            cacheSchema = schema;
            measured = new Map();
          }
          const key = operationKey(queryHash, request.operationName, request.variables);
          let entry = key ? measured.get(key) : undefined;
          if (!entry) {
            entry = { shape: measureOperation(document, operation) };
            if (measured.size >= CACHE_ENTRIES) measured.delete(measured.keys().next().value!);
            if (key) measured.set(key, entry);
          }
          const { shape } = entry;
          if (shape.depth > limits.maxDepth) {
            throw limitError(GatewayErrorCode.MAX_DEPTH_EXCEEDED, `The operation nests fields ${shape.depth} levels deep; the limit is ${limits.maxDepth}. Split it into several operations.`, { limit: limits.maxDepth, actual: shape.depth });
          }
          if (shape.aliases > limits.maxAliases) {
            throw limitError(GatewayErrorCode.MAX_ALIASES_EXCEEDED, `The operation uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}. Use a list field with a filter, or several operations.`, { limit: limits.maxAliases, actual: shape.aliases });
          }
          if (shape.rootFields > limits.maxRootFields) {
            throw limitError(GatewayErrorCode.MAX_ROOT_FIELDS_EXCEEDED, `The operation selects ${shape.rootFields} root fields; the limit is ${limits.maxRootFields}. Send several smaller operations.`, { limit: limits.maxRootFields, actual: shape.rootFields });
          }
          let cost: number;
          try {
            cost = entry.cost ??= operationCost(schema, document, operation, request.variables, model, costOptions, options.fieldRules);
          } catch (error) {
            // A page size out of range: BAD_USER_INPUT, answered with 400 like the subgraphs' own.
            if (error instanceof GraphQLError) throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
            throw error;
          }
          if (cost > limits.maxCost) {
            throw limitError(
              GatewayErrorCode.MAX_COST_EXCEEDED,
              `The operation's estimated cost is ${cost}; the limit is ${limits.maxCost}. Each object costs 1 and a list multiplies its items' cost by its size (its "first", default ${PAGE_SIZE.defaultPageSize}, or ${limits.defaultListSize} for lists without one): ask for smaller pages or fewer nested lists.`,
              { limit: limits.maxCost, actual: cost },
            );
          }
        },
      };
    },
  };
}
