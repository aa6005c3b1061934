import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

/**
 * Records the subgraph calls a gateway makes for one client request: a proxy in front of each
 * subgraph (same path, so signatures stay valid) forwards every call after holding it
 * `holdMs`, and notes its body, its answer and when it arrived and was answered. Holding each
 * call makes the plan's sequence visible: a call that arrives after another was answered
 * depends on it (see stagesOf). Used once per gateway before the load, never while timing.
 */
export interface RecordedCall {
  subgraph: string;
  /** The subgraph's real URL (not the proxy's). */
  url: string;
  body: string;
  response: string;
  status: number;
  arrivedAt: number;
  answeredAt: number;
}

export interface RecordingProxies {
  /** Proxy URL per subgraph name, to put in the recording supergraph. */
  urls: Record<string, string>;
  /** The calls recorded since the last take, in order of arrival. */
  take(): RecordedCall[];
  close(): Promise<void>;
}

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

export async function startRecordingProxies(subgraphUrls: Record<string, string>, holdMs: number): Promise<RecordingProxies> {
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  let calls: RecordedCall[] = [];
  const servers: http.Server[] = [];
  const urls: Record<string, string> = {};
  for (const [subgraph, target] of Object.entries(subgraphUrls)) {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const arrivedAt = performance.now();
        const body = Buffer.concat(chunks).toString('utf8');
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) if (!HOP_HEADERS.has(name) && typeof value === 'string') headers[name] = value;
        setTimeout(async () => {
          try {
            const answer = await request(target, { method: 'POST', headers, body, dispatcher: agent });
            const response = await answer.body.text();
            calls.push({ subgraph, url: target, body, response, status: answer.statusCode, arrivedAt, answeredAt: performance.now() });
            res.writeHead(answer.statusCode, { 'content-type': 'application/json' }).end(response);
          } catch (error) {
            res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: `recording proxy: ${(error as Error).message}` }] }));
          }
        }, holdMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const { pathname } = new URL(target);
    urls[subgraph] = `http://127.0.0.1:${(server.address() as AddressInfo).port}${pathname}`;
  }
  return {
    urls,
    take: () => {
      const taken = calls.sort((a, b) => a.arrivedAt - b.arrivedAt);
      calls = [];
      return taken;
    },
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
        s.closeAllConnections();
        s.close(() => resolve());
      })));
      await agent.close();
    },
  };
}

/**
 * The calls grouped into sequential stages: a call's stage is one more than the latest stage
 * among the calls answered before it arrived (1 when none was). The number of stages is the
 * plan's critical path: its length in subgraph round trips.
 */
export function stagesOf(calls: RecordedCall[]): RecordedCall[][] {
  const stage: number[] = [];
  calls.forEach((call, i) => {
    let depth = 0;
    for (let j = 0; j < i; j += 1) if (calls[j].answeredAt <= call.arrivedAt) depth = Math.max(depth, stage[j]);
    stage[i] = depth + 1;
  });
  const stages: RecordedCall[][] = [];
  calls.forEach((call, i) => (stages[stage[i] - 1] ??= []).push(call));
  return stages;
}
