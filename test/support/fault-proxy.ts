import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A subgraph stand-in on a free 127.0.0.1 port that forwards to the real subgraph or
 * misbehaves on demand, and counts the calls it gets. The gateway is pointed at it through
 * `<NAME>_URL` (a process) or `subgraphUrls` (in-process).
 */
export type FaultMode =
  /** Forward to the real subgraph. */
  | 'pass'
  /** Forward after `delayMs`. */
  | 'delay'
  /** Accept the request and never answer. */
  | 'hang'
  /** 200, application/json, a body cut in the middle. */
  | 'invalid-json'
  /** The real subgraph's answer, sent as text/plain. */
  | 'wrong-content-type'
  /** 500 with an HTML error page that leaks internals (which must not reach clients). */
  | 'html-500'
  /** 502 with an HTML page, as a proxy in front of a dead subgraph answers. */
  | 'html-502'
  /** 200 JSON that is not a GraphQL response. */
  | 'not-graphql'
  /** The connection is dropped without an answer. */
  | 'reset'
  /** 200 JSON streamed without a length, 100 MB of it (or until the caller hangs up). */
  | 'endless';

/** Internals planted in the fake error pages: a test asserts none of them reaches a client. */
export const LEAKY_INTERNALS = ['10.20.30.40', '/srv/business/node_modules', 'password=hunter2', 'at Client._connect'];

const HTML_PAGE = (status: number) =>
  `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>Internal Server Error</h1>` +
  `<pre>Error: connect ECONNREFUSED 10.20.30.40:5432 (postgres://app:password=hunter2@db)\n    at Client._connect (/srv/business/node_modules/pg/lib/client.js:132:17)</pre></body></html>`;

export interface FaultProxy {
  url: string;
  mode: FaultMode;
  delayMs: number;
  /** Calls received since start or the last reset. */
  calls: number;
  /** Request bodies received (the last 1,000). */
  bodies: string[];
  /** Calls waiting in 'hang' or 'delay'. */
  pending(): number;
  /** The most calls waiting in 'hang' or 'delay' at once, since start or the last reset. */
  peakPending: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, mode: FaultMode = 'pass'): Promise<FaultProxy> {
  const hanging = new Set<http.ServerResponse>();
  const proxy: FaultProxy = {
    url: '',
    mode,
    delayMs: 0,
    calls: 0,
    bodies: [],
    pending: () => hanging.size,
    peakPending: 0,
    reset() {
      proxy.calls = 0;
      proxy.peakPending = 0;
      proxy.bodies = [];
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function forward(body: Buffer, req: http.IncomingMessage): Promise<{ status: number; contentType: string; text: string }> {
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(key)) headers[key] = value;
    }
    const response = await fetch(target, { method: req.method, headers, body: req.method === 'GET' ? undefined : body });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  }

  function hold(res: http.ServerResponse): void {
    hanging.add(res);
    proxy.peakPending = Math.max(proxy.peakPending, hanging.size);
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    proxy.calls += 1;
    proxy.bodies.push(body.toString('utf8'));
    if (proxy.bodies.length > 1000) proxy.bodies.shift();
    try {
      switch (proxy.mode) {
        case 'hang':
          hold(res);
          res.on('close', () => hanging.delete(res));
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'invalid-json':
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"_entities": [{"__typename": "Administr');
          return;
        case 'not-graphql':
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"status": "ok", "message": "hello"}');
          return;
        case 'endless': {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"data": {"_entities": [{"name": "');
          const chunk = Buffer.alloc(1024 * 1024, 0x61);
          for (let i = 0; i < 100 && !res.destroyed; i += 1) {
            if (!res.write(chunk)) await new Promise((r) => { res.once('drain', r); res.once('close', r); });
          }
          res.end('"}]}}');
          return;
        }
        case 'html-500':
          res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' }).end(HTML_PAGE(500));
          return;
        case 'html-502':
          res.writeHead(502, { 'content-type': 'text/html; charset=utf-8' }).end(HTML_PAGE(502));
          return;
        case 'wrong-content-type': {
          const answer = await forward(body, req);
          res.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8' }).end(answer.text);
          return;
        }
        case 'delay': {
          hold(res);
          await new Promise((r) => setTimeout(r, proxy.delayMs));
          hanging.delete(res);
          const answer = await forward(body, req);
          res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.text);
          return;
        }
        case 'pass': {
          const answer = await forward(body, req);
          res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.text);
          return;
        }
      }
    } catch {
      // The real subgraph is down: answer as a dead upstream would.
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/html' }).end(HTML_PAGE(502));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return proxy;
}
