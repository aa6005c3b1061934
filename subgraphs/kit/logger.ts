import pino from 'pino';

/** Structured JSON logs; LOG_LEVEL sets the level (default info, silent under jest). */
export function createLogger(name: string) {
  const level = process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info');
  return pino({ name, level });
}
export type Logger = ReturnType<typeof createLogger>;
