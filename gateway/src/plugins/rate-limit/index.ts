import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type Redis from 'ioredis';
import { callerView } from '../../caller-view';
import { GatewayErrorCode } from '../../errors';
import { BucketDecision, BucketStore, MemoryBuckets, RedisBuckets } from './buckets';
import { currentClientAddress } from './client-address';

export { MemoryBuckets, RedisBuckets } from './buckets';
export type { BucketDecision, BucketStore } from './buckets';
export { currentClientAddress, rememberClientAddress } from './client-address';

export interface RateLimitOptions {
  /** Sustained requests per minute per agency (RATE_LIMIT_PER_MINUTE, default 600; 0 turns limiting off). */
  perMinute: number;
  /** Bucket size: requests an agency may send at once (RATE_LIMIT_BURST, default 100). */
  burst: number;
  /** Key prefix in Redis (RATE_LIMIT_REDIS_PREFIX, default "bdg:rate:"). */
  redisPrefix: string;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 600, burst: 100, redisPrefix: 'bdg:rate:' };

export interface RateLimitPluginOptions extends RateLimitOptions {
  /** Shared buckets for all replicas; in-memory (this replica) when absent. */
  redis?: Redis;
  onRedisError?: (error: Error) => void;
}

/** Whose bucket a request takes from: the agency; else the user; else (anonymous) the client address. */
export function rateLimitKey(contextValue: unknown): { key: string; who: string } {
  const caller = callerView(contextValue);
  if (caller.agency) return { key: `agency:${caller.agency}`, who: `agency ${caller.agency}` };
  // A citizen's `sub` is their CCCD: the key holds a hash of it, never the number.
  if (caller.sub) return { key: `user:${createHash('sha256').update(caller.sub).digest('hex').slice(0, 32)}`, who: 'this user' };
  const address = currentClientAddress();
  return { key: `ip:${address}`, who: `anonymous callers from ${address}` };
}

export function createBucketStore(options: RateLimitPluginOptions): BucketStore {
  const rates = { perMinute: options.perMinute, capacity: options.burst };
  return options.redis ? new RedisBuckets(options.redis, rates, options.redisPrefix, options.onRedisError ?? (() => {})) : new MemoryBuckets(rates);
}

/**
 * Token bucket per agency. Each request takes a token when it arrives (also one that later
 * fails to parse or validate); a request without a token is refused with RATE_LIMITED, HTTP 429
 * and Retry-After, before validation results matter and before any subgraph is called. (Apollo
 * can answer a plugin's refusal cleanly only from didResolveOperation, so that is where it is
 * raised.)
 */
export function RateLimitPlugin(options: RateLimitPluginOptions, store: BucketStore = createBucketStore(options)): ApolloServerPlugin {
  return {
    async requestDidStart({ contextValue }) {
      if (options.perMinute <= 0) return {};
      // An export (gateway/src/export) is one request: its first page takes the token, later pages none.
      if (Number((contextValue as { exportPage?: unknown } | undefined)?.exportPage) > 0) return {};
      const { key, who } = rateLimitKey(contextValue);
      const decision: Promise<BucketDecision> = store.take(key);
      decision.catch(() => {});
      return {
        async didResolveOperation() {
          const { allowed, retryAfterMs } = await decision;
          if (allowed) return;
          const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
          throw new GraphQLError(
            `Rate limit exceeded for ${who}: ${options.perMinute} requests per minute, bursts of up to ${options.burst}. Retry after ${seconds} s.`,
            {
              extensions: {
                code: GatewayErrorCode.RATE_LIMITED,
                retryAfterSeconds: seconds,
                limitPerMinute: options.perMinute,
                burst: options.burst,
                http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
              },
            },
          );
        },
      };
    },
  };
}
