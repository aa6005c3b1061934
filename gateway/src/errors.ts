import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../subgraphs/kit/errors';
import type { Logger } from '../../subgraphs/kit/logger';

/** Codes the gateway itself answers with, besides the kit's ErrorCode values. */
export enum GatewayErrorCode {
  BAD_REQUEST = 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  // Operation limits (gateway/src/plugins/LIMITS.md): each refusal comes before any subgraph call.
  MAX_DEPTH_EXCEEDED = 'MAX_DEPTH_EXCEEDED',
  MAX_ALIASES_EXCEEDED = 'MAX_ALIASES_EXCEEDED',
  MAX_ROOT_FIELDS_EXCEEDED = 'MAX_ROOT_FIELDS_EXCEEDED',
  MAX_COST_EXCEEDED = 'MAX_COST_EXCEEDED',
  RATE_LIMITED = 'RATE_LIMITED',
  PERSISTED_QUERY_NOT_TRUSTED = 'PERSISTED_QUERY_NOT_TRUSTED',
  INTROSPECTION_DISABLED = 'INTROSPECTION_DISABLED',
  /** The document names no operation the gateway can run (see UnresolvableOperationPlugin). */
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
}

/**
 * Turns body-parser failures (malformed JSON, invalid UTF-8, a body over the limit) into a
 * GraphQL-shaped 4xx answer instead of express's HTML error page.
 */
export function handleBadRequestBody(error: any, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  const tooLarge = error.type === 'entity.too.large';
  const status = tooLarge ? 413 : 400;
  const message = tooLarge
    ? `The request body is larger than the limit of ${error.limit} bytes; send a smaller operation or use variables`
    : 'The request body is not valid JSON (UTF-8); send {"query": "...", "variables": {...}}';
  res.status(status).json({ errors: [{ message, extensions: { code: tooLarge ? GatewayErrorCode.PAYLOAD_TOO_LARGE : GatewayErrorCode.BAD_REQUEST } }] });
}

/** Hides internals (stack traces, subgraph messages of unexpected failures) outside development. */
export function formatGatewayError(log: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    // graphql-js overflows its stack on deeply nested documents (before the token limit).
    if (code === 'GRAPHQL_PARSE_FAILED' && /call stack/i.test(formatted.message)) {
      return { message: 'The document is nested too deeply to parse; send a flatter operation', extensions: { code } };
    }
    if (development || (code !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR)) return formatted;
    log.error({ err: error, path: formatted.path }, 'operation failed');
    const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions: { ...extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

/**
 * A document without a runnable operation is the client's mistake, answered 400 before any
 * planning (the gateway would otherwise fail it with a 500): several operations and no or an
 * unknown `operationName`, or an operation type the graph does not have (subscriptions).
 */
export function UnresolvableOperationPlugin(): ApolloServerPlugin {
  const refuse = (message: string) => new GraphQLError(message, { extensions: { code: GatewayErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } } });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          if (!operation) {
            throw refuse(
              request.operationName
                ? `The document has no operation named "${request.operationName}"; send the name of one of its operations in operationName`
                : 'The document holds several operations; send the name of the one to run in operationName',
            );
          }
          if (!schema.getRootType(operation.operation)) {
            throw refuse(`This graph has no ${operation.operation} operations; send a query`);
          }
        },
      };
    },
  };
}
