import type { ApolloServerOptions } from '@apollo/server';
import type Redis from 'ioredis';

// Apollo's KeyValueCache, named through @apollo/server (its own package is only a transitive dependency).
type KeyValueCache = NonNullable<Exclude<ApolloServerOptions<any>['persistedQueries'], false | undefined>['cache']>;
type KeyValueCacheSetOptions = { ttl?: number | null };

/**
 * Apollo's KeyValueCache over Redis, for the automatic-persisted-query store: every replica
 * knows a hash another one registered. A Redis failure reads as a miss (the client then sends
 * the full document again), never as an error.
 */
export class RedisKeyValueCache implements KeyValueCache {
  constructor(private readonly redis: Redis, private readonly prefix = 'bdg:apq:') {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    try {
      if (options?.ttl) await this.redis.set(this.prefix + key, value, 'EX', Math.ceil(options.ttl));
      else await this.redis.set(this.prefix + key, value);
    } catch {
      // A lost registration only costs the client one more full request.
    }
  }

  async delete(key: string): Promise<boolean | void> {
    try {
      await this.redis.del(this.prefix + key);
    } catch {
      // nothing to undo
    }
  }
}
