import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import type Redis from 'ioredis';
import type { Logger } from '../../../../subgraphs/kit/logger';
import { IntrospectionPlugin } from '../introspection';
import { loadManifest, PersistedOperationsPlugin, RedisKeyValueCache } from '../persisted-operations';
import { RateLimitPlugin } from '../rate-limit';
import { RequestLimitsConfig } from './config';
import { OperationLimitsPlugin } from './index';

export interface RequestLimitsSetup {
  /** Rate limit, trusted documents, introspection rule, depth/aliases/root fields/cost. */
  plugins: ApolloServerPlugin[];
  /** Apollo's APQ settings: the store is shared through Redis when REDIS_URL is set. */
  persistedQueries: ApolloServerOptions<any>['persistedQueries'];
  stop(): Promise<void>;
}

/** Wires the admission and operation limits from one configuration (steps 2 and 3 of a request). */
export async function setupRequestLimits(config: RequestLimitsConfig, supergraphSdl: string, development: boolean, log: Logger): Promise<RequestLimitsSetup> {
  let redis: Redis | undefined;
  if (config.redisUrl) {
    // ioredis is loaded only when Redis is used. Commands fail fast while Redis is unreachable
    // (the limiter then falls back to this replica's buckets).
    const { default: RedisClient } = await import('ioredis');
    redis = new RedisClient(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 500, connectTimeout: 2_000 });
    redis.on('error', () => {});
    await redis.connect().catch((error: Error) => log.error({ err: error }, 'Redis (REDIS_URL) is unreachable: rate limits are per replica until it is back'));
  }
  const manifest = config.trustedDocumentsFile ? loadManifest(config.trustedDocumentsFile) : new Map<string, string>();
  const plugins: ApolloServerPlugin[] = [
    RateLimitPlugin({ ...config.rateLimit, redis, onRedisError: (error) => log.warn({ err: error }, 'Redis rate-limit call failed: judged by this replica\'s bucket') }),
    PersistedOperationsPlugin({ manifest, trustedDocuments: config.trustedDocuments }),
    IntrospectionPlugin({ development }),
    OperationLimitsPlugin({ limits: config.operation, supergraphSdl }),
  ];
  return {
    plugins,
    persistedQueries: redis ? { cache: new RedisKeyValueCache(redis) } : undefined,
    stop: async () => {
      if (redis) await redis.quit().catch(() => redis!.disconnect());
    },
  };
}
