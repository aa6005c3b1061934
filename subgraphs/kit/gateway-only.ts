import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from './errors';
import type { Logger } from './logger';
import { ANONYMOUS_CALLER, SIGNATURE_HEADER, SignedCaller, verifyRequest } from './signature';

export interface GatewayOnlyOptions {
  subgraph: string;
  /** Secret shared with the gateway; required when `checks` is on. */
  secret?: string;
  /** Refuse requests without a valid signature (off only when set so explicitly). */
  checks: boolean;
  maxAgeMs: number;
  log: Logger;
}

/** Keeps the exact bytes of a JSON body for the signature check (`express.json({ verify })`). */
export function keepRawBody(req: Request, _res: Response, buffer: Buffer): void {
  (req as Request & { rawBody?: Buffer }).rawBody = buffer;
}

/** The caller the gateway signed for this request (set by `requireGatewaySignature`). */
export function signedCallerOf(res: Response): SignedCaller {
  return (res.locals.caller as SignedCaller | undefined) ?? ANONYMOUS_CALLER;
}

/**
 * Express middleware in front of a subgraph's /graphql: refuses (401, UNAUTHENTICATED, with
 * `extensions.reason`) a request that is unsigned, altered or stale, and puts the signed caller
 * on `res.locals.caller`. With checks off, unsigned requests pass as anonymous callers; a
 * signed one still brings its caller only when the signature is valid.
 */
export function requireGatewaySignature(options: GatewayOnlyOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const signed = Boolean(req.header(SIGNATURE_HEADER));
    if (!options.checks && (!signed || !options.secret)) {
      res.locals.caller = ANONYMOUS_CALLER;
      return next();
    }
    const result = verifyRequest({
      secret: options.secret!,
      method: req.method,
      path: req.originalUrl,
      body: (req as Request & { rawBody?: Buffer }).rawBody ?? '',
      header: (name) => req.header(name),
      maxAgeMs: options.maxAgeMs,
    });
    if (result.ok) {
      res.locals.caller = result.caller;
      return next();
    }
    if (!options.checks) {
      res.locals.caller = ANONYMOUS_CALLER;
      return next();
    }
    options.log.warn({ reason: result.reason, remote: req.socket.remoteAddress }, 'refused a request without a valid gateway signature');
    res.status(401).json({ errors: [{ message: result.message, extensions: { code: ErrorCode.UNAUTHENTICATED, reason: result.reason } }] });
  };
}
