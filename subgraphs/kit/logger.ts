import pino from 'pino';
import { requestContext } from './telemetry/request-context';

/**
 * Structured JSON logs; LOG_LEVEL sets the level (default info, silent under jest). Inside a
 * request every line carries its requestId and traceId.
 */
export function createLogger(name: string) {
  const level = process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info');
  return pino({ name, level, mixin: () => ({ ...requestContext.getStore() }) });
}
export type Logger = ReturnType<typeof createLogger>;
