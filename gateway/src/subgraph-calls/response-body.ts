import type { Dispatcher } from 'undici';
import { SubgraphCallError, SubgraphFailureCode } from './failures';

/** Largest subgraph response body the gateway reads (a runaway subgraph must not exhaust memory). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

function badResponse(detail: string, retryable = false): SubgraphCallError {
  return new SubgraphCallError(SubgraphFailureCode.SUBGRAPH_BAD_RESPONSE, detail, retryable);
}

export interface GraphQLBody {
  data?: unknown;
  errors?: unknown[];
  extensions?: Record<string, unknown>;
}

/** A subgraph's answer, parsed, with its text (another caller sharing the call parses its own copy). */
export interface SubgraphAnswer {
  body: GraphQLBody;
  text: string;
}

/**
 * Reads a subgraph's answer. A GraphQL JSON body is accepted whatever the status (a 400 with
 * errors carries the subgraph's validation messages); anything else is a failure.
 */
export async function readGraphQLBody(response: Dispatcher.ResponseData): Promise<SubgraphAnswer> {
  const contentType = String(response.headers['content-type'] ?? '');
  const isJson = contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json');
  if (!isJson) {
    await response.body.dump();
    return Promise.reject(badResponse(`HTTP ${response.statusCode}, content type "${contentType.split(';')[0] || 'none'}"`, response.statusCode >= 502));
  }
  const declared = Number(response.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    await response.body.dump();
    throw badResponse('response too large');
  }
  const text = await readLimited(response.body);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badResponse(`HTTP ${response.statusCode}, body is not valid JSON`);
  }
  const shaped = body as { data?: unknown; errors?: unknown };
  if (typeof body !== 'object' || body === null || (!('data' in shaped) && !Array.isArray(shaped.errors))) {
    throw badResponse(`HTTP ${response.statusCode}, not a GraphQL response`);
  }
  if (response.statusCode >= 500 && shaped.data == null) {
    throw badResponse(`HTTP ${response.statusCode}`, response.statusCode >= 502);
  }
  return { body: shaped as GraphQLBody, text };
}

/** Reads the whole body, giving up (and dropping the connection) past MAX_BODY_BYTES, declared or not. */
async function readLimited(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      body.destroy();
      throw badResponse('response too large');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
