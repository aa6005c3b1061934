import { CALLER_HEADERS, signRequest } from '../../subgraphs/kit/signature';

/** A GraphQL response as the tests read it. */
export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, unknown>;
}

/**
 * Signs a request as the gateway would (with the run's test secret), so that tests may call a
 * subgraph directly; x-caller-* headers given by the test are signed as the caller. Gateways
 * ignore these headers.
 */
export function gatewaySignatureHeaders(url: string, body: string, headers: Record<string, string> = {}): Record<string, string> {
  const secret = process.env.SUBGRAPH_SIGNING_SECRET;
  if (!secret) return {};
  const given = (name: string) => (headers[name] ? decodeURIComponent(headers[name]) : undefined);
  const [sub, agency, scopes, purpose, actsFor] = CALLER_HEADERS.map(given);
  const { pathname, search } = new URL(url);
  return signRequest({ secret, method: 'POST', path: pathname + search, body, caller: { sub, agency, scopes: scopes ? scopes.split(' ') : [], purpose, actsFor: actsFor ? actsFor.split(' ') : undefined } });
}

/** POSTs an operation over real HTTP and returns status, data and errors. */
export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers, ...gatewaySignatureHeaders(url, body, headers) },
    body,
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, ...json };
}
