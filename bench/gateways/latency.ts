import { Client } from 'undici';
import { answerDifference } from './check';
import type { TokenMinter } from './tokens';
import type { BenchRequest } from './workload';

/**
 * The latency run: one connection, one request at a time (each with its own token), for
 * `seconds`; every answer is compared in full. Latencies are kept per operation.
 */
export interface LatencyResult {
  latencies: Record<string, number[]>;
  errors: number;
  firstError?: string;
}

export async function runLatency(options: { url: string; requests: BenchRequest[]; expected: unknown[]; seconds: number; mint: TokenMinter }): Promise<LatencyResult> {
  const url = new URL(options.url);
  const client = new Client(url.origin, { keepAliveTimeout: 60_000 });
  const result: LatencyResult = { latencies: {}, errors: 0 };
  const deadline = Date.now() + options.seconds * 1000;
  try {
    for (let i = 0; Date.now() < deadline; i += 1) {
      const r = options.requests[i % options.requests.length];
      const started = performance.now();
      const answer = await client.request({ method: 'POST', path: url.pathname, headers: { 'content-type': 'application/json', ...r.headers, authorization: `Bearer ${options.mint()}` }, body: r.body });
      const text = await answer.body.text();
      const ms = performance.now() - started;
      const difference = answer.statusCode === 200 ? answerDifference(text, options.expected[i % options.requests.length]) : `HTTP ${answer.statusCode}`;
      if (difference) {
        result.errors += 1;
        result.firstError ??= `${r.operation}: ${difference}`;
        continue;
      }
      (result.latencies[r.operation] ??= []).push(ms);
    }
  } finally {
    await client.close();
  }
  return result;
}
