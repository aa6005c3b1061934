import { answerDifference } from '../check';
import type { TokenMinter } from '../tokens';
import type { BenchRequest, WorkloadStack } from '../workload';

/** One request to a gateway, with its own token, outside the timed load. */
export async function send(url: string, request: BenchRequest, mint: TokenMinter): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers, authorization: `Bearer ${mint()}` },
    body: request.body,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

/** Sends every request once and compares each answer (an error names the first difference); gives the byte length of each. */
export async function checkAnswers(url: string, stack: WorkloadStack, expected: unknown[], mint: TokenMinter): Promise<number[]> {
  const lengths: number[] = [];
  for (const [i, request] of stack.requests.entries()) {
    const { status, text } = await send(url, request, mint);
    const difference = status === 200 ? answerDifference(text, expected[i]) : `HTTP ${status}: ${text.slice(0, 300)}`;
    if (difference) throw new Error(`request ${i} (${request.operation}) answered differently from the expected answer: ${difference}`);
    lengths.push(text.length);
  }
  return lengths;
}

/** checkAnswers, tried up to five times a second apart: right after the subgraphs restart, a gateway may first meet a closed keep-alive connection. */
export async function eventuallyCheckAnswers(url: string, stack: WorkloadStack, expected: unknown[], mint: TokenMinter): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await checkAnswers(url, stack, expected, mint);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/** A counter's value once it has stopped growing (read every 250 ms, for at most 15 s). */
export async function settled(read: () => Promise<number>): Promise<number> {
  let last = await read();
  for (let i = 0; i < 60; i += 1) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await read();
    if (now === last) return now;
    last = now;
  }
  return last;
}
