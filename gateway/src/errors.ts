import type { NextFunction, Request, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../subgraphs/kit/errors';
import type { Logger } from '../../subgraphs/kit/logger';

/** Codes the gateway itself answers with, besides the kit's ErrorCode values. */
export enum GatewayErrorCode {
  BAD_REQUEST = 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
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
    if (development || (code !== undefined && code !== ErrorCode.INTERNAL_SERVER_ERROR)) return formatted;
    log.error({ err: error, path: formatted.path }, 'operation failed');
    const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions: { ...extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
