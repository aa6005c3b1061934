import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line of a request carries: set once per HTTP request, read by the logger. */
export interface RequestContext {
  requestId: string;
  traceId?: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
