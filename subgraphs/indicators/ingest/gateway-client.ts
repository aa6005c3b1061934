import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayError, RefreshError, RefreshErrorCode } from './errors';

export interface GatewayClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** Bearer token; the dossier rates are public, so none is needed. */
  token?: string;
  /** Milliseconds one request may take (default 60,000). */
  timeoutMs?: number;
  /** Times a RATE_LIMITED answer is waited out and retried (default 5). */
  rateLimitRetries?: number;
}

const START_HINT = 'is the gateway running? Start it with "npm start", or point --gateway (or GATEWAY_URL) at a running one';

/** Why a request failed before any answer: connection refused, unknown host, timeout. */
function unreachable(url: string, error: unknown, timeoutMs: number): RefreshError {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const timedOut = (error as Error)?.name === 'TimeoutError';
  const reason = timedOut ? `no answer within ${timeoutMs / 1000} s` : cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
  return new RefreshError(RefreshErrorCode.GATEWAY_UNREACHABLE, `Cannot reach the gateway at ${url} (${reason}): ${START_HINT}.`);
}

/** What to do about the gateway's GraphQL errors, by their code. */
function adviceFor(errors: readonly GatewayError[]): string {
  const codes = new Set(errors.map((e) => e.extensions?.code));
  if (codes.has('UNAUTHENTICATED')) return 'The gateway refused the token: mint a new one (npm run -s token -- --agency YOUR-AGENCY), or leave --token and BDG_TOKEN unset, since the dossier rates are public.';
  if (codes.has('RATE_LIMITED')) return 'The gateway kept refusing for the rate limit: run again later, or with a token of your agency (--token), which has its own bucket.';
  if (codes.has('GRAPHQL_VALIDATION_FAILED')) return 'The gateway\'s schema lacks a field the job asks for (AdministrativeUnit.dossierStats, children): is it serving this project\'s supergraph?';
  return 'See the gateway\'s and the subgraphs\' logs; the job can be run again once they answer.';
}

function describe(errors: readonly GatewayError[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}${e.path ? ` (at ${e.path.join('.')})` : ''}`);
  return shown.join('; ') + (errors.length > 3 ? `; and ${errors.length - 3} more` : '');
}

function retryAfterMs(errors: readonly GatewayError[], header: string | null): number {
  const seconds = Number(errors.find((e) => e.extensions?.code === 'RATE_LIMITED')?.extensions?.retryAfterSeconds ?? header ?? 1);
  return Math.max(1, Number.isFinite(seconds) ? seconds : 1) * 1000;
}

/**
 * Runs one operation through the gateway and returns its `data`. Any GraphQL error (a partial
 * result included: a rate missing is not a rate of 0) or HTTP error is a RefreshError saying
 * what to do; a RATE_LIMITED refusal is waited out (Retry-After) and retried a few times.
 */
export async function queryGateway<T>(options: GatewayClientOptions, query: string, variables: Record<string, unknown>): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = JSON.stringify({ query, variables });
  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    let text: string;
    try {
      response = await fetch(options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (error) {
      throw unreachable(options.url, error, timeoutMs);
    }
    let json: { data?: T | null; errors?: GatewayError[] } | undefined;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const errors = json?.errors ?? [];
    if (errors.length > 0) {
      const rateLimited = errors.every((e) => e.extensions?.code === 'RATE_LIMITED');
      if (rateLimited && attempt < (options.rateLimitRetries ?? 5)) {
        await sleep(retryAfterMs(errors, response.headers.get('retry-after')));
        continue;
      }
      throw new RefreshError(RefreshErrorCode.GATEWAY_GRAPHQL_ERROR, `The gateway at ${options.url} answered with errors: ${describe(errors)}. ${adviceFor(errors)}`, errors);
    }
    if (!response.ok || !json || json.data == null) {
      const what = response.status === 404 ? `nothing is served at this path: pass the gateway's /graphql URL` : START_HINT;
      throw new RefreshError(RefreshErrorCode.GATEWAY_HTTP_ERROR, `The gateway at ${options.url} answered HTTP ${response.status} without a GraphQL result (${text.slice(0, 120).trim() || 'empty body'}): ${what}.`);
    }
    return json.data;
  }
}
