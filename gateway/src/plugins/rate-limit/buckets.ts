import type Redis from 'ioredis';

/** One request's admission: allowed, or refused until `retryAfterMs` has passed. */
export interface BucketDecision {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  retryAfterMs: number;
}

/** Token buckets by key: `capacity` tokens (the burst), refilled at `perMinute` tokens a minute. */
export interface BucketStore {
  take(key: string): Promise<BucketDecision>;
  close(): Promise<void>;
}

export interface BucketRates {
  perMinute: number;
  capacity: number;
}

/** In-process buckets (one gateway replica); the least recently used keys are dropped beyond `maxKeys`. */
export class MemoryBuckets implements BucketStore {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(private readonly rates: BucketRates, private readonly maxKeys = 100_000, private readonly now = () => Date.now()) {
    this.perMs = rates.perMinute / 60_000;
  }

  async take(key: string): Promise<BucketDecision> {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.rates.capacity, at: now };
    this.buckets.delete(key);
    const tokens = Math.min(this.rates.capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    const allowed = tokens >= 1;
    const left = allowed ? tokens - 1 : tokens;
    this.buckets.set(key, { tokens: left, at: now });
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return { allowed, remaining: Math.floor(left), retryAfterMs: allowed ? 0 : Math.ceil((1 - left) / this.perMs) };
  }

  async close(): Promise<void> {}
}

// Refill and take in one atomic step on the Redis server, with the server's clock, so that
// replicas with skewed clocks still share one bucket per key.
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then tokens = capacity; at = now end
tokens = math.min(capacity, tokens + math.max(0, now - at) * per_ms)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.ceil((1 - tokens) / per_ms)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / per_ms) + 1000)
return {allowed, math.floor(tokens), retry}
`;

/**
 * Buckets in Redis, shared by every gateway replica. When Redis cannot answer, the request is
 * judged by this replica's in-memory bucket instead: limiting continues, per replica, rather
 * than failing every request or admitting all of them.
 */
export class RedisBuckets implements BucketStore {
  private readonly fallback: MemoryBuckets;
  private lastWarning = 0;

  constructor(
    private readonly redis: Redis,
    private readonly rates: BucketRates,
    private readonly prefix: string,
    private readonly onError: (error: Error) => void,
  ) {
    this.fallback = new MemoryBuckets(rates);
    redis.defineCommand('bdgTakeToken', { numberOfKeys: 1, lua: TAKE_SCRIPT });
  }

  async take(key: string): Promise<BucketDecision> {
    try {
      const [allowed, remaining, retryAfterMs] = (await (this.redis as any).bdgTakeToken(this.prefix + key, this.rates.capacity, this.rates.perMinute / 60_000)) as [number, number, number];
      return { allowed: allowed === 1, remaining, retryAfterMs };
    } catch (error) {
      if (Date.now() - this.lastWarning > 10_000) {
        this.lastWarning = Date.now();
        this.onError(error as Error);
      }
      return this.fallback.take(key);
    }
  }

  async close(): Promise<void> {}
}
