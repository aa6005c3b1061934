/** Why a subgraph call failed; each kind reaches clients as a stable `extensions.code`. */
export enum SubgraphFailureCode {
  /** Connection refused or reset, DNS failure: the subgraph is not there. */
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  /** No answer within the subgraph's time limit. */
  SUBGRAPH_TIMEOUT = 'SUBGRAPH_TIMEOUT',
  /** An answer that is not a GraphQL response: 5xx, HTML, invalid JSON, wrong content type. */
  SUBGRAPH_BAD_RESPONSE = 'SUBGRAPH_BAD_RESPONSE',
  /** The circuit breaker is open after repeated failures: the call was not even tried. */
  SUBGRAPH_CIRCUIT_OPEN = 'SUBGRAPH_CIRCUIT_OPEN',
}

/** A failed call, with what the client may know (never the subgraph's URL, body or stack). */
export class SubgraphCallError extends Error {
  constructor(
    readonly code: SubgraphFailureCode,
    readonly detail: string,
    /** Worth trying again (for a query, which has no side effects; mutations are never retried). */
    readonly retryable: boolean,
  ) {
    super(detail);
    this.name = 'SubgraphCallError';
  }
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'EHOSTUNREACH']);

/** Classifies whatever the HTTP client threw. */
export function classifyThrown(error: unknown): SubgraphCallError {
  if (error instanceof SubgraphCallError) return error;
  const err = error as { name?: string; code?: string; cause?: { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError' || err?.code === 'UND_ERR_HEADERS_TIMEOUT' || err?.code === 'UND_ERR_BODY_TIMEOUT') {
    return new SubgraphCallError(SubgraphFailureCode.SUBGRAPH_TIMEOUT, 'did not answer in time', false);
  }
  const code = err?.code ?? err?.cause?.code;
  if (code && CONNECTION_ERRORS.has(code)) {
    // A refused or dropped connection (a subgraph restarting, a kept-alive socket it closed)
    // is worth a second try; a timeout is not: it would double the wait.
    return new SubgraphCallError(SubgraphFailureCode.SUBGRAPH_UNAVAILABLE, 'is not reachable', true);
  }
  return new SubgraphCallError(SubgraphFailureCode.SUBGRAPH_UNAVAILABLE, 'could not be called', false);
}

export function clientMessage(subgraph: string, failure: SubgraphCallError): string {
  switch (failure.code) {
    case SubgraphFailureCode.SUBGRAPH_CIRCUIT_OPEN:
      return `The ${subgraph} subgraph is failing; its fields are skipped until it recovers (retry in a few seconds)`;
    case SubgraphFailureCode.SUBGRAPH_TIMEOUT:
      return `The ${subgraph} subgraph did not answer in time; its fields are null`;
    case SubgraphFailureCode.SUBGRAPH_BAD_RESPONSE:
      return `The ${subgraph} subgraph sent an invalid response (${failure.detail}); its fields are null`;
    case SubgraphFailureCode.SUBGRAPH_UNAVAILABLE:
      return `The ${subgraph} subgraph is unavailable; its fields are null`;
  }
}
