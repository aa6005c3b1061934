import path from 'node:path';
import { ConfigError } from '../../../../subgraphs/kit/config';
import { DEFAULT_RATE_LIMIT, RateLimitOptions } from '../rate-limit';
import { DEFAULT_OPERATION_LIMITS, OperationLimits } from './index';

/** Admission and operation limits of the gateway (documented in ../LIMITS.md). */
export interface RequestLimitsConfig {
  operation: OperationLimits;
  rateLimit: RateLimitOptions;
  /** Shared rate-limit buckets and APQ store for all replicas (REDIS_URL); in memory when absent. */
  redisUrl?: string;
  /** Largest request body in bytes (MAX_BODY_BYTES, default 1 MiB). */
  maxBodyBytes: number;
  /** Accept only registered documents, except from analysts (TRUSTED_DOCUMENTS=on; default off). */
  trustedDocuments: boolean;
  /** Registered documents: JSON { sha256: text } (TRUSTED_DOCUMENTS_FILE). */
  trustedDocumentsFile?: string;
}

type Env = Record<string, string | undefined>;

function wholeNumber(env: Env, variable: string, fallback: number, min = 1): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${variable} must be a whole number of at least ${min}, got "${raw}"`);
  return value;
}

export function requestLimitsConfig(env: Env = process.env): RequestLimitsConfig {
  const trusted = (env.TRUSTED_DOCUMENTS ?? 'off').toLowerCase();
  if (trusted !== 'on' && trusted !== 'off') throw new ConfigError(`TRUSTED_DOCUMENTS must be "on" or "off", got "${env.TRUSTED_DOCUMENTS}"`);
  if (trusted === 'on' && !env.TRUSTED_DOCUMENTS_FILE) throw new ConfigError('TRUSTED_DOCUMENTS=on needs TRUSTED_DOCUMENTS_FILE: a JSON file mapping each registered document\'s sha256 to its text');
  if (env.REDIS_URL && !/^rediss?:\/\//.test(env.REDIS_URL)) throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got "${env.REDIS_URL.replace(/\/\/[^@]*@/, '//***@')}"`);
  const d = DEFAULT_OPERATION_LIMITS;
  return {
    operation: {
      maxDepth: wholeNumber(env, 'MAX_DEPTH', d.maxDepth),
      maxAliases: wholeNumber(env, 'MAX_ALIASES', d.maxAliases, 0),
      maxRootFields: wholeNumber(env, 'MAX_ROOT_FIELDS', d.maxRootFields),
      maxCost: wholeNumber(env, 'MAX_COST', d.maxCost),
      defaultListSize: wholeNumber(env, 'DEFAULT_LIST_SIZE', d.defaultListSize),
      maxTokens: wholeNumber(env, 'MAX_TOKENS', d.maxTokens, 100),
    },
    rateLimit: {
      perMinute: wholeNumber(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute, 0),
      burst: wholeNumber(env, 'RATE_LIMIT_BURST', DEFAULT_RATE_LIMIT.burst),
      redisPrefix: env.RATE_LIMIT_REDIS_PREFIX || DEFAULT_RATE_LIMIT.redisPrefix,
    },
    redisUrl: env.REDIS_URL || undefined,
    maxBodyBytes: wholeNumber(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024),
    trustedDocuments: trusted === 'on',
    trustedDocumentsFile: env.TRUSTED_DOCUMENTS_FILE ? path.resolve(env.TRUSTED_DOCUMENTS_FILE) : undefined,
  };
}
