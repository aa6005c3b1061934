import { GATEWAY_NODE_FLAGS } from '../../gateway/src/node-flags';
import { writeMarkedSection } from '../markdown-section';
import { GATEWAYS } from './gateways';
import type { BenchResult, LatencySummary, ThroughputSummary, WorkloadResult } from './results';

const fmt = (n: number | undefined, digits = 0) => (n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : '–');
const ratio = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? `${n.toFixed(2)}×` : '–');

/** A row of a gateway that merges personal requests across callers, on a workload that has them. */
const UNFAIR_MARK = ' †';
const mergesPersonalHere = (w: WorkloadResult, gateway: string) => Boolean(w.personal && GATEWAYS.find((g) => g.id === gateway)?.mergesPersonal);

function throughputTable(w: WorkloadResult): string[] {
  const lines = [
    '| gateway | req/s | req/s per round | p50 ms | p95 ms | p99 ms | errors | peak RSS MiB | subgraph req / req | CPU ms / req | × @apollo/gateway | × best Hive, merging off | × best Hive, defaults | × best Hive, merging fair |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const t of w.throughput) {
    const label = t.label + (mergesPersonalHere(w, t.gateway) ? UNFAIR_MARK : '');
    const name = t.gateway.startsWith('project') ? `**${label}**` : label;
    lines.push(
      `| ${name} | ${fmt(t.rps)} | ${t.rounds.map((r) => fmt(r.rps)).join(' · ')} | ${fmt(t.p50)} | ${fmt(t.p95)} | ${fmt(t.p99)} | ${t.errors} | ${fmt(t.peakRssMiB)} | ${fmt(t.subgraphRequestsPerRequest, 1)} | ${fmt(t.cpuMsPerRequest, 1)} | ${ratio(t.ratioToApollo)} | ${ratio(t.ratioToBestHiveMergingOff)} | ${ratio(t.ratioToBestHive)} | ${ratio(t.ratioToBestFairHive)} |`,
    );
  }
  if (w.throughput.some((t) => mergesPersonalHere(w, t.gateway))) {
    lines.push('');
    lines.push(
      `${UNFAIR_MARK.trim()} Merges identical requests that select personal fields across callers, which is fair only where the call does not depend on the caller; "× best Hive, merging fair" leaves these rows out. The rows "merging public requests only" are Hive with its defaults except that requests declaring a purpose (x-purpose, as personal requests here must) carry the caller's token to the subgraphs, so Hive merges them only with the same caller's (gateways/hive-fair-merging.config.ts).`,
    );
  }
  return lines;
}

function latencyTable(w: WorkloadResult, delayMs: number): string[] {
  const ops = w.operations;
  const lines = [
    `| gateway | ${ops.map((o) => `${o}: median ms (× critical path; × measured floor)`).join(' | ')} | errors |`,
    `| --- | ${ops.map(() => '---:').join(' | ')} | ---: |`,
  ];
  const floorOf = (op: string) => (w.criticalPathStages[op] ?? NaN) * delayMs;
  lines.push(`| critical-path floor: sequential stages × ${delayMs} ms | ${ops.map((o) => `${fmt(floorOf(o))} (${w.criticalPathStages[o] ?? '–'} stages)`).join(' | ')} | |`);
  const measured = w.latency.find((l) => l.gateway === 'floor');
  const cell = (l: LatencySummary, o: string) =>
    `${fmt(l.medianMs[o], 1)} (${ratio(l.medianMs[o] / floorOf(o))}${measured && l !== measured ? `; ${ratio(l.medianMs[o] / measured.medianMs[o])} floor` : ''})`;
  const row = (l: LatencySummary) => `| ${l.gateway.startsWith('project') ? `**${l.label}**` : l.label} | ${ops.map((o) => cell(l, o)).join(' | ')} | ${l.errors} |`;
  for (const l of w.latency) lines.push(row(l));
  return lines;
}

function coreLine(t: ThroughputSummary[]): string {
  const parts = t.map((s) => {
    const cores = Object.keys(s.rounds[0]?.coreBusy ?? {}).sort();
    const avg = (core: string) => s.rounds.reduce((sum, r) => sum + (r.coreBusy[core] ?? 0), 0) / Math.max(1, s.rounds.length);
    return `${s.label} ${cores.map((c) => `${c} ${fmt(avg(c))} %`).join(', ')}`;
  });
  return `Cores busy during the rounds (all processes on the machine): ${parts.join('; ')}.`;
}

/** The BENCHMARKS.md section of one run. */
export function markdown(result: BenchResult): string {
  const s = result.settings as Record<string, any>;
  const lines: string[] = [];
  lines.push(s.gatewayCpus === '1' ? '## Gateways side by side' : `## Gateways side by side, each on cores ${s.gatewayCpus}`);
  lines.push('');
  lines.push(
    `Run ${result.startedAt} by \`npm run bench\` (bench/gateways/, ${fmt(result.minutes, 1)} min): ${result.machine}. Each gateway its own process pinned to core ${s.gatewayCpus} (\`taskset\`), the load generator (autocannon) and the subgraphs on core ${s.loadCpus}; ` +
      `${s.connections} connections, ${s.warmupSeconds} s warm-up per gateway, then ${s.rounds} rounds of ${s.roundSeconds} s per gateway in alternation (A B C … A B C …); ` +
      'a unique bearer token on every request; every answer checked against the expected one (by length, and in full every ' +
      `${s.checkEvery}th and whenever the length differs); a differing answer counts as an error. This project's gateway runs with the Node.js flags \`npm start\` gives it (${GATEWAY_NODE_FLAGS.join(' ')}, gateway/src/node-flags.ts); the others with Node.js's defaults. The machine is shared with other work: compare rows of one run, not runs.`,
  );
  lines.push('');
  lines.push(
    'Columns: req/s over all rounds (and per round, to show drift); latency percentiles over every answer; peak RSS = VmHWM of the gateway process; subgraph requests counted by the subgraphs; CPU = the gateway process\'s user + system time; ratios of req/s. ' +
      '"Merging" = merging identical in-flight subgraph requests (Hive\'s default; this project\'s gateway does it only for query operations that select public fields only, never across callers when personal fields are selected; @apollo/gateway does not do it). The floor is no gateway: a process on the gateway core replaying the cheapest recorded plan\'s subgraph calls directly (README of bench/gateways).',
  );
  for (const w of result.workloads) {
    lines.push('');
    const titles: Record<string, string> = { standard: 'Standard workload', project: 'This project\'s workload', 'project-replayed': 'This project\'s workload, subgraph answers replayed from memory' };
    lines.push(`### ${titles[w.workload] ?? w.workload}`);
    lines.push('');
    lines.push(w.description);
    lines.push('');
    lines.push(...throughputTable(w));
    lines.push('');
    lines.push(coreLine(w.throughput));
    if (w.isolated.length) {
      lines.push('');
      lines.push(
        `One request alone (recorded through a proxy): subgraph calls / sequential stages per operation — ${w.isolated
          .map((i) => `${i.gateway}: ${w.operations.map((o) => `${i.calls[o] ?? '–'}/${i.stages[o] ?? '–'}`).join(', ')}`)
          .join('; ')}.`,
      );
    }
    if (w.latency.length) {
      lines.push('');
      lines.push(`Latency with ${s.delayMs} ms added to every subgraph call, one connection (${s.latencyRounds} × ${s.latencySeconds} s per gateway, alternating), median per operation, its ratio to the critical-path floor (sequential stages of the shortest recorded plan × the delay) and to the measured floor (no gateway, same delay; includes the subgraphs\' own time):`);
      lines.push('');
      lines.push(...latencyTable(w, s.delayMs));
    }
    if (w.failures.length) {
      lines.push('');
      lines.push('What did not run:');
      lines.push('');
      for (const f of w.failures) lines.push(`- ${f.gateway} (${f.phase}): \`${f.error.replace(/\s+/g, ' ').slice(0, 400)}\``);
    }
  }
  return lines.join('\n');
}

/**
 * Writes the section between its markers in BENCHMARKS.md (bench/markdown-section.ts); other
 * sections stay as they are. A run with the gateways on other cores than the default one (the
 * both-cores figures, reported separately) has its own section.
 */
export function writeSection(file: string, section: string, gatewayCpus: string): void {
  writeMarkedSection(file, `gateways${coresSuffix(gatewayCpus)}`, 'npm run bench', section);
}

/** What names a run's outputs apart when its gateways ran on other cores than the default one: "" or e.g. "-cores-0-1". */
export function coresSuffix(gatewayCpus: string): string {
  return gatewayCpus === '1' ? '' : `-cores-${gatewayCpus.replace(/[^0-9]+/g, '-')}`;
}
