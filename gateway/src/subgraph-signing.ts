import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADERS, signRequest } from '../../subgraphs/kit/signature';
import { callerView } from './caller-view';

/**
 * Signs each call to one subgraph (see subgraphs/kit/signature.ts): the caller identity travels
 * only in these signed headers, never in headers a client could set. Used as the data
 * source's `decorateHeaders` hook.
 */
export function subgraphSigner(url: string, secret: string) {
  const { pathname, search } = new URL(url);
  return (headers: Record<string, string>, body: string, options: GraphQLDataSourceProcessOptions): void => {
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    const caller = callerView(options.context);
    // The declared purpose (x-purpose) travels signed too, unless the auth plugin already set one.
    caller.purpose ??= incoming?.request.http?.headers.get('x-purpose') || undefined;
    // Identity headers are exactly the signed ones: nothing set earlier can travel unsigned.
    for (const name of CALLER_HEADERS) delete headers[name];
    Object.assign(headers, signRequest({ secret, method: 'POST', path: pathname + search, body, caller }));
  };
}
