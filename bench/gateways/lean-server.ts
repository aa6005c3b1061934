import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The lean HTTP side of the benchmark's stand-in subgraphs (the standard workload's subgraphs,
 * the project-replayed workload's answer memos): node:http and no framework, so that the
 * gateways in front are what is measured. It counts the GraphQL requests it receives
 * (`GET /count`), holds each one `delayMs` to model network latency, and answers a POST with
 * whatever `answer` gives for its body (JSON), or `errorStatus` with the error's message.
 */
export interface LeanServerOptions {
  port?: number;
  delayMs?: number;
  /** The path of the URL it reports (any path is served). */
  path: string;
  errorStatus: number;
  answer(body: string, headers: http.IncomingHttpHeaders): Promise<string>;
}

export interface LeanServer {
  url: string;
  requests(): number;
  close(): Promise<void>;
}

export async function startLeanServer(options: LeanServerOptions): Promise<LeanServer> {
  const delayMs = options.delayMs ?? 0;
  let requests = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/count') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requests }));
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const respond = () =>
        options.answer(Buffer.concat(chunks).toString('utf8'), req.headers).then(
          (text) => res.writeHead(200, { 'content-type': 'application/json' }).end(text),
          (error: Error) => res.writeHead(options.errorStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] })),
        );
      if (delayMs > 0) setTimeout(respond, delayMs);
      else respond();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${options.path}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A stand-in's process entry: tells the parent its URL over IPC and stops on SIGTERM or SIGINT. */
export function serveAsChildProcess(started: Promise<{ url: string; close(): Promise<void> }>, ready: Record<string, string> = {}): void {
  void started.then((s) => {
    process.send?.({ type: 'ready', ...ready, url: s.url });
    const stop = () => s.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
