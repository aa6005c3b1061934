import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';
import { requestContext } from './request-context';
import { currentTraceId } from './tracing';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives each request an id (the caller's `x-request-id` when well-formed, else a new one),
 * echoes it, binds it and the trace id to every log line of the request, and logs one
 * completion line. Bodies and variables are never logged: they may hold personal data.
 */
export function logRequests(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    const ctx = { requestId, traceId: currentTraceId() };
    // The path only, never the query string: a GET's query string may hold personal data.
    const path = req.originalUrl.split('?')[0];
    res.on('finish', () => {
      requestContext.run(ctx, () =>
        log.info({ method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request finished'),
      );
    });
    requestContext.run(ctx, next);
  };
}
