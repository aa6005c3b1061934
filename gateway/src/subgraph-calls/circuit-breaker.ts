import CircuitBreaker from 'opossum';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Share of failed calls in the rolling window that opens the circuit (percent). */
  errorThresholdPercentage: number;
  /** Calls in the window before the share is judged (a single failure does not open it). */
  volumeThreshold: number;
  /** Milliseconds the circuit stays open before one probe call is let through (half-open). */
  resetTimeoutMs: number;
}

export const DEFAULT_BREAKER_OPTIONS: BreakerOptions = { errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeoutMs: 5_000 };

/** One opossum breaker per subgraph around the raw call; timeouts are enforced by the call itself. */
export function createBreaker<A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>, options: BreakerOptions): CircuitBreaker<A, R> {
  return new CircuitBreaker(call, {
    name,
    timeout: false,
    errorThresholdPercentage: options.errorThresholdPercentage,
    volumeThreshold: options.volumeThreshold,
    resetTimeout: options.resetTimeoutMs,
    rollingCountTimeout: 10_000,
    rollingCountBuckets: 10,
  });
}

export function breakerState(breaker: CircuitBreaker<any, any>): BreakerState {
  if (breaker.halfOpen) return 'half-open';
  return breaker.opened ? 'open' : 'closed';
}
