import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

/**
 * One of this project's subgraphs with its answers replayed from memory, for the
 * "project-replayed" workload: a lean node:http process in front of the real subgraph that
 * answers a request body it has answered before from memory and forwards any other (headers
 * included, so a signed call is still verified) and remembers the answer if it carries no
 * errors. The seeded data does not change during a run, so the answers are the real ones,
 * while the subgraphs' own cost (about 10 ms of one core per client request, which bounds
 * every gateway on the project workload) stays out of the figures, as in the standard
 * workload. It counts the requests it receives (GET /count) and holds each one
 * SUBGRAPH_DELAY_MS. Started by project/workload.ts: MEMO_TARGET is the real subgraph's URL.
 */

const MEMO_LIMIT = 10_000;
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/** A GraphQL answer without errors (an answer that is not JSON is not one). */
function isCleanAnswer(text: string): boolean {
  try {
    return !(JSON.parse(text) as { errors?: unknown[] }).errors?.length;
  } catch {
    return false;
  }
}

export interface AnswerMemo {
  url: string;
  close(): Promise<void>;
}

export async function startAnswerMemo(target: string, options: { port?: number; delayMs?: number } = {}): Promise<AnswerMemo> {
  const agent = new Agent({ connections: 16 });
  const answers = new Map<string, Promise<string>>();
  let requests = 0;

  const forward = async (body: string, headers: http.IncomingHttpHeaders): Promise<string> => {
    const sent: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (typeof value === 'string' && !HOP_BY_HOP.has(name)) sent[name] = value;
    const response = await request(target, { method: 'POST', body, headers: sent, dispatcher: agent });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`the subgraph answered ${response.statusCode}: ${text.slice(0, 300)}`);
    return text;
  };

  const answer = (body: string, headers: http.IncomingHttpHeaders): Promise<string> => {
    const remembered = answers.get(body);
    if (remembered) return remembered;
    const pending = forward(body, headers);
    if (answers.size < MEMO_LIMIT) {
      answers.set(body, pending);
      // Only answers without errors are kept; a failed or erroneous one is asked again next time.
      pending.then(
        (text) => {
          if (!isCleanAnswer(text)) answers.delete(body);
        },
        () => answers.delete(body),
      );
    }
    return pending;
  };

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
        answer(Buffer.concat(chunks).toString('utf8'), req.headers).then(
          (text) => res.writeHead(200, { 'content-type': 'application/json' }).end(text),
          (error: Error) => res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] })),
        );
      if ((options.delayMs ?? 0) > 0) setTimeout(respond, options.delayMs);
      else respond();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => void agent.close().then(() => resolve()));
      }),
  };
}

/** Process entry: tells the parent its URL over IPC. */
if (require.main === module) {
  const target = process.env.MEMO_TARGET;
  if (!target) throw new Error('MEMO_TARGET must name the subgraph URL to replay');
  startAnswerMemo(target, { port: Number(process.env.MEMO_PORT ?? 0), delayMs: Number(process.env.SUBGRAPH_DELAY_MS ?? 0) }).then((memo) => {
    process.send?.({ type: 'ready', url: memo.url });
    const stop = () => memo.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
