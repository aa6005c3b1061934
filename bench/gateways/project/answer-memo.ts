import type http from 'node:http';
import { Agent, request } from 'undici';
import { serveAsChildProcess, startLeanServer } from '../lean-server';

/**
 * One of this project's subgraphs with its answers replayed from memory, for the
 * "project-replayed" workload: a lean process (../lean-server.ts) in front of the real subgraph that
 * answers a request body it has answered before from memory and forwards any other (headers
 * included, so a signed call is still verified) and remembers the answer if it carries no
 * errors. The seeded data does not change during a run, so the answers are the real ones,
 * while the subgraphs' own cost (about 10 ms of one core per client request, which bounds
 * every gateway on the project workload) stays out of the figures, as in the standard
 * workload. Its requests are counted and each is held SUBGRAPH_DELAY_MS by the lean server.
 * Started by project/workload.ts: MEMO_TARGET is the real subgraph's URL.
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

  const server = await startLeanServer({ port: options.port, delayMs: options.delayMs, path: '/graphql', errorStatus: 502, answer });
  return { url: server.url, close: () => server.close().then(() => agent.close()) };
}

/** Process entry: tells the parent its URL over IPC. */
if (require.main === module) {
  const target = process.env.MEMO_TARGET;
  if (!target) throw new Error('MEMO_TARGET must name the subgraph URL to replay');
  serveAsChildProcess(startAnswerMemo(target, { port: Number(process.env.MEMO_PORT ?? 0), delayMs: Number(process.env.SUBGRAPH_DELAY_MS ?? 0) }));
}
