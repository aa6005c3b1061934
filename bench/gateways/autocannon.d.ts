// Types for autocannon's programmatic API (the package ships none). Ambient: any file of the
// project that imports 'autocannon' gets them.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest | undefined;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
  }

  interface AutocannonOptions {
    url: string | string[];
    connections?: number;
    duration?: number | string;
    amount?: number;
    timeout?: number;
    pipelining?: number;
    workers?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    requests?: AutocannonRequest[];
    initialContext?: Record<string, unknown>;
    setupClient?: (client: unknown) => void;
    verifyBody?: (body: string) => boolean;
    expectBody?: string;
    excludeErrorStats?: boolean;
    [option: string]: unknown;
  }

  /** Percentile keys as autocannon names them (p97_5 = 97.5th). */
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    sent: number;
    p0_001: number;
    p0_01: number;
    p0_1: number;
    p1: number;
    p2_5: number;
    p10: number;
    p25: number;
    p50: number;
    p75: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
    p99_99: number;
    p99_999: number;
  }

  interface AutocannonResult {
    title?: string;
    url: string;
    start: Date;
    finish: Date;
    duration: number;
    connections: number;
    pipelining: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    resets: number;
    '1xx': number;
    '2xx': number;
    '3xx': number;
    '4xx': number;
    '5xx': number;
    latency: Histogram;
    requests: Histogram;
    throughput: Histogram;
    statusCodeStats: Record<string, { count: number }>;
  }

  interface Instance extends EventEmitter, PromiseLike<AutocannonResult> {
    stop(): void;
  }

  function autocannon(options: AutocannonOptions): Instance;
  function autocannon(options: AutocannonOptions, done: (error: Error | null, result: AutocannonResult) => void): Instance;
  export = autocannon;
}
