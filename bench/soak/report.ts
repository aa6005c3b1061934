import { writeMarkedSection } from '../markdown-section';

/** One answered (or failed) request of the soak. */
export interface Sample {
  /** Milliseconds since the load started. */
  at: number;
  operation: string;
  ms: number;
  kind: string;
  lost: boolean;
  detail?: string;
}

export interface RestartEvent {
  at: number;
  subgraph: string;
  signal: 'SIGTERM' | 'SIGKILL';
  exitCode: number | null;
  /** Milliseconds from the signal until the new process was ready. */
  downMs: number;
}

export interface MemoryPoint {
  at: number;
  gatewayRssMiB: number;
  subgraphsRssMiB: number;
}

export interface SoakResult {
  startedAt: string;
  minutes: number;
  concurrency: number;
  seedScale: number;
  database: string;
  samples: Sample[];
  restarts: RestartEvent[];
  memory: MemoryPoint[];
  gatewayPeakRssMiB: number;
  gatewayAlive: boolean;
  /** Exit codes of the services at the final SIGTERM. */
  finalExits: Record<string, number | null>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const sortedMs = (samples: Sample[]) => samples.map((s) => s.ms).sort((a, b) => a - b);

export function summarize(result: SoakResult) {
  const { samples } = result;
  const byKind = new Map<string, number>();
  for (const s of samples) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + 1);
  const all = sortedMs(samples);
  const lost = samples.filter((s) => s.lost);
  const seconds = samples.length ? (samples[samples.length - 1].at - samples[0].at) / 1000 : 0;
  return {
    requests: samples.length,
    ok: byKind.get('ok') ?? 0,
    lost: lost.length,
    lostDetails: [...new Set(lost.map((s) => s.detail ?? ''))].slice(0, 5),
    byKind: [...byKind].sort((a, b) => b[1] - a[1]),
    rps: seconds > 0 ? samples.length / seconds : 0,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    max: all[all.length - 1] ?? NaN,
  };
}

/** The BENCHMARKS.md section of one soak run. */
export function markdown(result: SoakResult): string {
  const summary = summarize(result);
  const minutes = Math.max(1, Math.ceil(result.minutes));
  const lines: string[] = [];
  lines.push('## Soak: mixed traffic while a subgraph restarts every minute');
  lines.push('');
  lines.push(`Run ${result.startedAt} by \`npm run bench:soak\` (bench/soak/): ${result.minutes} min of closed-loop load from ${result.concurrency} concurrent clients,`);
  lines.push(`five operations in rotation (district dashboard over four subgraphs, business lookup, dossier list, district list with aggregates, catalogue),`);
  lines.push(`seed scale ${result.seedScale}, ${result.database}; every minute one subgraph is stopped (SIGKILL and SIGTERM in turn) and started again on its port.`);
  lines.push('Every process is a real one on 127.0.0.1 (gateway and five subgraphs), on this 2-core machine, with the gateway\'s default settings (subgraph timeout 10 s, 2 retries for queries, circuit reset 5 s).');
  lines.push('');
  lines.push('| figure | value |');
  lines.push('| --- | --- |');
  lines.push(`| requests served | ${summary.requests} (${fmt(summary.rps, 1)} req/s) |`);
  lines.push(`| complete answers | ${summary.ok} (${fmt((100 * summary.ok) / Math.max(1, summary.requests), 2)} %) |`);
  lines.push(`| **lost without an error telling the client** | **${summary.lost}** |`);
  lines.push(`| latency p50 / p99 / max | ${fmt(summary.p50)} / ${fmt(summary.p99)} / ${fmt(summary.max)} ms |`);
  lines.push(`| gateway RSS first → last sample (peak) | ${fmt(result.memory[0]?.gatewayRssMiB ?? NaN)} → ${fmt(result.memory[result.memory.length - 1]?.gatewayRssMiB ?? NaN)} MiB (${fmt(result.gatewayPeakRssMiB)} MiB) |`);
  lines.push(`| restarts | ${result.restarts.length}, each subgraph down ${fmt(Math.min(...result.restarts.map((r) => r.downMs)) / 1000, 1)}–${fmt(Math.max(...result.restarts.map((r) => r.downMs)) / 1000, 1)} s |`);
  lines.push(`| gateway still up at the end | ${result.gatewayAlive ? 'yes' : '**no**'} |`);
  lines.push(`| exit codes at the final SIGTERM | ${Object.entries(result.finalExits).map(([n, c]) => `${n} ${c}`).join(', ')} |`);
  lines.push('');
  lines.push('Answers by kind (`partial:CODE`: served with the failing subgraph\'s fields null and an error at each, `error:CODE`: no data, the error says why):');
  lines.push('');
  lines.push('| kind | requests |');
  lines.push('| --- | --- |');
  for (const [kind, count] of summary.byKind) lines.push(`| ${kind} | ${count} |`);
  if (summary.lost > 0) lines.push(`\nLost requests, first details: ${summary.lostDetails.join('; ')}`);
  lines.push('');
  lines.push('Per minute (the restarted subgraph is the one stopped during that minute):');
  lines.push('');
  lines.push('| minute | restarted | requests | complete | partial / error | lost | p50 ms | p99 ms | gateway RSS MiB | subgraphs RSS MiB |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (let m = 0; m < minutes; m += 1) {
    // Requests still in flight at the deadline count in the last minute.
    const last = m === minutes - 1;
    const inMinute = result.samples.filter((s) => s.at >= m * 60_000 && (last || s.at < (m + 1) * 60_000));
    const sorted = sortedMs(inMinute);
    const restart = result.restarts.find((r) => r.at >= m * 60_000 && r.at < (m + 1) * 60_000);
    const memory = [...result.memory].reverse().find((p) => p.at < (m + 1) * 60_000);
    const ok = inMinute.filter((s) => s.kind === 'ok').length;
    const lostCount = inMinute.filter((s) => s.lost).length;
    lines.push(
      `| ${m + 1} | ${restart ? `${restart.subgraph} (${restart.signal}, down ${fmt(restart.downMs / 1000, 1)} s)` : '–'} | ${inMinute.length} | ${ok} | ${inMinute.length - ok - lostCount} | ${lostCount} | ${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 99))} | ${fmt(memory?.gatewayRssMiB ?? NaN)} | ${fmt(memory?.subgraphsRssMiB ?? NaN)} |`,
    );
  }
  lines.push('');
  lines.push('Memory over time (gateway RSS, MiB, one sample every 10 s):');
  lines.push('');
  lines.push('```');
  lines.push(result.memory.map((p) => fmt(p.gatewayRssMiB)).join(' '));
  lines.push('```');
  return lines.join('\n');
}

export function writeSection(file: string, section: string): void {
  writeMarkedSection(file, 'soak', 'npm run bench:soak', section);
}
