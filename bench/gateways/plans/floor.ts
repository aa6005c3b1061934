import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'undici';

/**
 * The floor: the same work with no gateway. This process (pinned to the gateway's core, like a
 * gateway) replays, for each client request of the rotation, the subgraph calls of the
 * cheapest recorded plan (plans/recorder.ts): stage by stage, the calls of a stage at once,
 * over keep-alive connections, reading every answer and comparing it with the recorded one.
 * It plans nothing, merges nothing and serves no client, so it bounds what any gateway can
 * reach with these subgraphs. `connections` virtual clients loop for `seconds` after
 * `warmupSeconds`. Started by plans/floor-run.ts: `node floor.js <spec.json> <result.json>`.
 */
export interface FloorCall {
  url: string;
  body: string;
  /** The recorded answer the replayed one must equal. */
  response: string;
}

export interface FloorPlan {
  operation: string;
  stages: FloorCall[][];
}

export interface FloorSpec {
  plans: FloorPlan[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface FloorResult {
  requests: number;
  seconds: number;
  /** Latencies (ms) of the measured plan executions, by operation. */
  latencies: Record<string, number[]>;
  errors: number;
  mismatches: number;
  firstMismatch?: string;
  subgraphCalls: number;
  cpuMs: number;
  peakRssMiB: number;
}

async function main(): Promise<void> {
  const [specFile, resultFile] = process.argv.slice(2);
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as FloorSpec;
  const agent = new Agent({ keepAliveTimeout: 60_000, connections: null });
  const headers = { 'content-type': 'application/json' };
  const result: FloorResult = { requests: 0, seconds: spec.seconds, latencies: {}, errors: 0, mismatches: 0, subgraphCalls: 0, cpuMs: 0, peakRssMiB: 0 };
  let measuring = false;

  const call = async (c: FloorCall): Promise<boolean> => {
    try {
      const answer = await request(c.url, { method: 'POST', headers, body: c.body, dispatcher: agent });
      const text = await answer.body.text();
      if (measuring) result.subgraphCalls += 1;
      if (answer.statusCode !== 200) return false;
      if (text !== c.response) {
        if (measuring) {
          result.mismatches += 1;
          result.firstMismatch ??= `${c.url}: answer differs from the recorded one (${text.slice(0, 200)})`;
        }
      }
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  // One rotation shared by all virtual clients, as the load generator does for the gateways.
  let next = 0;
  const client = async (until: () => boolean) => {
    while (!until()) {
      const plan = spec.plans[next++ % spec.plans.length];
      const started = performance.now();
      let ok = true;
      for (const stage of plan.stages) {
        const answers = await Promise.all(stage.map(call));
        if (answers.includes(false)) ok = false;
      }
      if (!measuring) continue;
      result.requests += 1;
      if (!ok) result.errors += 1;
      (result.latencies[plan.operation] ??= []).push(performance.now() - started);
    }
  };

  const run = async (seconds: number) => {
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(Array.from({ length: spec.connections }, () => client(() => Date.now() >= deadline)));
  };
  if (spec.warmupSeconds > 0) await run(spec.warmupSeconds);
  measuring = true;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await run(spec.seconds);
  result.seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  result.cpuMs = (cpu.user + cpu.system) / 1000;
  const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  result.peakRssMiB = hwm ? Number(hwm[1]) / 1024 : NaN;
  writeFileSync(resultFile, JSON.stringify(result));
  await agent.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
