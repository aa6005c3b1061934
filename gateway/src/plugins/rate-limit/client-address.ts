import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

// The client's address, for keying anonymous callers' rate limits: Apollo plugins do not see the
// HTTP request, so an express middleware keeps it for the rest of the request.
const store = new AsyncLocalStorage<string>();

/** Express middleware: remembers `req.ip` (which honours express's "trust proxy" setting). */
export function rememberClientAddress(req: Request, _res: Response, next: NextFunction): void {
  store.run(req.ip ?? req.socket.remoteAddress ?? 'unknown', next);
}

export function currentClientAddress(): string {
  return store.getStore() ?? 'unknown';
}
