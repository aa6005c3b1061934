import { isDeepStrictEqual } from 'node:util';

/** What the differential tests compare of an answer: the data, and each error's message, path and code. */
export interface ComparableAnswer {
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; code?: unknown }[];
}

/**
 * An answer as compared: `data` as sent (key order included, since clients read fields in the
 * order they asked), errors as a multiset sorted by their text, since the spec leaves their order
 * to the server and subgraph calls finish in any order.
 */
export function comparable(body: { data?: unknown; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] }): ComparableAnswer {
  const out: ComparableAnswer = {};
  if (body.data !== undefined) out.data = body.data;
  if (body.errors) {
    out.errors = body.errors
      .map((error) => ({ message: error.message, path: error.path, code: error.extensions?.code }))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return out;
}

/** Same data in the same key order, same errors. */
export function sameAnswer(a: ComparableAnswer, b: ComparableAnswer): boolean {
  return JSON.stringify(a.data) === JSON.stringify(b.data) && isDeepStrictEqual(a.errors, b.errors);
}

/** POSTs an operation and returns the comparable part of its answer. */
export async function ask(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>, attempt = 1): Promise<ComparableAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  } catch (error) {
    const cause = String((error as { cause?: unknown }).cause);
    // A kept-alive connection the server closed as it was reused: the query was not received; send it again.
    if (attempt === 1 && /ECONNRESET|other side closed|socket hang up/.test(cause)) return ask(url, query, variables, headers, 2);
    return { errors: [{ message: `no answer: ${(error as Error).message} (${cause})` }] };
  }
  const text = await response.text();
  try {
    return comparable(JSON.parse(text));
  } catch {
    return { errors: [{ message: `HTTP ${response.status}, not JSON: ${text.slice(0, 200)}` }] };
  }
}
