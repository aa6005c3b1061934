import type http from 'node:http';

/**
 * Stops accepting connections and waits for in-flight requests to finish; connections still
 * busy at the deadline are closed so that shutdown always ends. Keep-alive connections are
 * closed as soon as they are idle (a finished request's connection would otherwise hold the
 * server open until its keep-alive timeout, or the deadline).
 */
export async function closeGracefully(server: http.Server, deadlineMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A request arriving on a kept-alive connection meanwhile is still served, told to reconnect.
  const markClosing = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  server.prependListener('request', markClosing);
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const timer = setTimeout(() => server.closeAllConnections(), deadlineMs);
  timer.unref();
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
    server.off('request', markClosing);
  }
}

/** Milliseconds in-flight requests get to finish on SIGTERM (SHUTDOWN_TIMEOUT_MS). */
export function shutdownTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SHUTDOWN_TIMEOUT_MS;
  const value = raw ? Number(raw) : 10_000;
  if (!Number.isInteger(value) || value < 0) throw new Error(`SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds, got "${raw}"`);
  return value;
}
