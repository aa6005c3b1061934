/**
 * Continuous load for the fault tests: a few workers POST operations back to back and keep
 * every outcome, until stopped or a bound (request count, time) is reached.
 */
export interface Outcome {
  /** Label of the test phase the request was sent in. */
  phase: string;
  /** HTTP status, or 0 when the request failed without an HTTP answer. */
  status: number;
  /** The parsed JSON body, undefined when it was not JSON. */
  body?: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
  /** What went wrong below HTTP, if anything. */
  failure?: string;
}

export interface Load {
  outcomes: Outcome[];
  phase: string;
  /** Waits until `predicate` holds for the outcomes of the current phase (checked every 50 ms, at most `timeoutMs`). */
  until(predicate: (phaseOutcomes: Outcome[]) => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function startLoad(
  url: string,
  next: (i: number) => { query: string; variables?: Record<string, unknown> },
  { workers = 4, maxRequests = 50_000, maxMs = 120_000 } = {},
): Load {
  const started = Date.now();
  let stopped = false;
  let sent = 0;
  const load: Load = {
    outcomes: [],
    phase: 'start',
    until: async (predicate, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const phase = load.phase;
        if (predicate(load.outcomes.filter((o) => o.phase === phase))) return;
        if (Date.now() > deadline || stopped) throw new Error(`load phase "${phase}": condition not met within ${timeoutMs} ms (${load.outcomes.filter((o) => o.phase === phase).length} requests in the phase)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: async () => {
      stopped = true;
      await Promise.all(running);
    },
  };
  const worker = async () => {
    while (!stopped && sent < maxRequests && Date.now() - started < maxMs) {
      const i = sent++;
      const phase = load.phase;
      try {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(next(i)), signal: AbortSignal.timeout(30_000) });
        const text = await response.text();
        let body: Outcome['body'];
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        load.outcomes.push({ phase, status: response.status, body, ...(body === undefined && { failure: `not JSON: ${text.slice(0, 100)}` }) });
      } catch (error) {
        load.outcomes.push({ phase, status: 0, failure: String((error as Error).cause ?? error) });
      }
    }
    stopped = true;
  };
  const running = Array.from({ length: workers }, worker);
  return load;
}
