import type http from 'node:http';

/**
 * Stops accepting connections and waits for in-flight requests to finish; connections still
 * busy at the deadline are closed so that shutdown always ends.
 */
export async function closeGracefully(server: http.Server, deadlineMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), deadlineMs);
  timer.unref();
  await closed;
  clearTimeout(timer);
}

/** Milliseconds in-flight requests get to finish on SIGTERM (SHUTDOWN_TIMEOUT_MS). */
export function shutdownTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SHUTDOWN_TIMEOUT_MS;
  const value = raw ? Number(raw) : 10_000;
  if (!Number.isInteger(value) || value < 0) throw new Error(`SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds, got "${raw}"`);
  return value;
}
