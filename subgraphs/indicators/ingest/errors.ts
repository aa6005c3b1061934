/** Stable codes of a failed refresh: scripts may switch on them, so never rename one. */
export enum RefreshErrorCode {
  /** Nothing answers at the gateway URL (connection refused, unknown host, timeout). */
  GATEWAY_UNREACHABLE = 'GATEWAY_UNREACHABLE',
  /** The gateway answered an HTTP error without a GraphQL body. */
  GATEWAY_HTTP_ERROR = 'GATEWAY_HTTP_ERROR',
  /** The gateway answered GraphQL errors (refusal, failed subgraph, bad token). */
  GATEWAY_GRAPHQL_ERROR = 'GATEWAY_GRAPHQL_ERROR',
  /** The gateway answered data of another shape than asked for (e.g. the province unknown). */
  UNEXPECTED_ANSWER = 'UNEXPECTED_ANSWER',
  /** The indicators database holds no catalogue: it was never seeded. */
  INDICATORS_NOT_SEEDED = 'INDICATORS_NOT_SEEDED',
}

/** One GraphQL error as the gateway answered it. */
export interface GatewayError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** A refresh that cannot go on; the message says what happened and what to do next. */
export class RefreshError extends Error {
  override name = 'RefreshError';
  constructor(
    readonly code: RefreshErrorCode,
    message: string,
    /** The GraphQL errors the gateway answered with, when it did. */
    readonly gatewayErrors: readonly GatewayError[] = [],
  ) {
    super(message);
  }

  /** The gateway's error with this `extensions.code`, if it answered one. */
  gatewayError(code: string): GatewayError | undefined {
    return this.gatewayErrors.find((e) => e.extensions?.code === code);
  }
}
