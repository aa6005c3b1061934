import type { GraphQLFormattedError } from 'graphql';

/** What one run of the operation gave: its result and, when Apollo set one, its HTTP status. */
export interface PageResponse {
  status?: number;
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Runs the operation once with these variables (`after` set to the previous page's endCursor). */
export type RunPage = (variables: Record<string, unknown>) => Promise<PageResponse>;

export interface Page {
  nodes: unknown[];
  totalCount?: number;
}

/** The operation failed on a page: an HTTP status before the first byte, an error line after it. */
export class ExportRunError extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
  }
}

const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_TRUSTED']);

function statusOf(code: string, given: number | undefined): number {
  if (given && given >= 400) return given;
  if (CLIENT_CODES.has(code) || code.startsWith('MAX_')) return 400;
  if (code === 'FORBIDDEN') return 403;
  if (code === 'UNAUTHENTICATED') return 401;
  if (code === 'RATE_LIMITED') return 429;
  if (code === 'ACCESS_RECORD_UNAVAILABLE') return 503;
  return 502;
}

/**
 * The pages of a connection, following `pageInfo.endCursor` while `hasNextPage`. A FORBIDDEN
 * error inside the rows (a personal field without a grant: the value is null) is expected and
 * passed over; any other error, or a denial of the connection itself, ends the walk with an
 * ExportRunError. One page is held at a time.
 */
export async function* walkPages(run: RunPage, path: string[], variables: Record<string, unknown>): AsyncGenerator<Page> {
  let after: string | null = (variables.after as string | undefined) ?? null;
  for (;;) {
    const response = await run({ ...variables, after });
    const rowPath = [...path, 'edges'].join('\u0001');
    const fatal = (response.errors ?? []).find(
      (e) => !(e.extensions?.code === 'FORBIDDEN' && e.path && e.path.length > path.length + 1 && e.path.slice(0, path.length + 1).join('\u0001') === rowPath),
    );
    if (fatal || !response.data) {
      const code = String(fatal?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      throw new ExportRunError(code, fatal?.message ?? 'The operation returned no data', statusOf(code, response.status));
    }
    let connection: unknown = response.data;
    for (const key of path) connection = connection && typeof connection === 'object' ? (connection as Record<string, unknown>)[key] : null;
    if (!connection) return;
    const { edges, pageInfo, totalCount } = connection as { edges?: { node: unknown }[]; pageInfo?: { hasNextPage?: boolean; endCursor?: string | null }; totalCount?: number };
    yield { nodes: (edges ?? []).map((e) => e.node), totalCount: typeof totalCount === 'number' ? totalCount : undefined };
    if (!pageInfo?.hasNextPage) return;
    if (!pageInfo.endCursor || pageInfo.endCursor === after) throw new ExportRunError('INTERNAL_SERVER_ERROR', 'The connection reported a next page without a new endCursor', 502);
    after = pageInfo.endCursor;
  }
}
