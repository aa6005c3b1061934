import autocannon from 'autocannon';
import { answerDifference } from './check';
import type { TokenMinter } from './tokens';
import type { BenchRequest } from './workload';

/**
 * One timed round of closed-loop load with autocannon: `connections` connections sending the
 * workload's requests in one shared rotation, every request with its own freshly minted bearer
 * token.
 * Every answer is checked: one whose length differs from the checked answer of that request is
 * compared in full, and every `checkEvery`-th is compared in full anyway; a difference counts
 * as an error (a mismatch). Latencies are kept per response (autocannon's own percentiles have
 * no p95).
 */
export interface LoadOptions {
  url: string;
  requests: BenchRequest[];
  /** The expected answer of each request (same order) and the byte length of the gateway's checked answer. */
  expected: { answer: unknown; length: number }[];
  connections: number;
  seconds: number;
  mint: TokenMinter;
  checkEvery: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  latencies: number[];
  /** Connection errors and timeouts. */
  transportErrors: number;
  non2xx: number;
  mismatches: number;
  firstMismatch?: string;
  /** Requests sent, answered or not (those in flight at the end were sent, and the gateway works on them). */
  sent: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let mismatches = 0;
  let firstMismatch: string | undefined;
  let answered = 0;
  // One rotation for all connections, so that at any moment the requests in flight differ as
  // much as the workload allows (each connection cycling on its own would move in step).
  let next = 0;
  const path = new URL(options.url).pathname;
  const request = {
    method: 'POST',
    path,
    setupRequest: (req: { body?: string; headers?: Record<string, string> }, context: { index?: number }) => {
      const index = next++ % options.requests.length;
      const r = options.requests[index];
      context.index = index;
      req.body = r.body;
      req.headers = { 'content-type': 'application/json', ...r.headers, authorization: `Bearer ${options.mint()}` };
      return req;
    },
    onResponse: (status: number, body: string, context: { index?: number }) => {
      answered += 1;
      const index = context.index!;
      if (status !== 200) return;
      if (body.length === options.expected[index].length && answered % options.checkEvery !== 0) return;
      const difference = answerDifference(body, options.expected[index].answer);
      if (difference) {
        mismatches += 1;
        firstMismatch ??= `${options.requests[index].operation}: ${difference}`;
      }
    },
  };
  const instance = autocannon({ url: options.url, connections: options.connections, duration: options.seconds, requests: [request as never], timeout: 30 });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const result = await instance;
  return {
    requests: result.requests.total,
    seconds: result.duration,
    latencies,
    transportErrors: result.errors,
    non2xx: result.non2xx,
    mismatches,
    firstMismatch,
    sent: result.requests.sent,
  };
}
