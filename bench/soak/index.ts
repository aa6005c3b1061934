import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../subgraphs/kit/project-root';
import { peakRssMiB, rssMiB, ServiceProcess, startGatewayProcess, startSubgraphProcess } from '../../test/support/processes';
import { markdown, MemoryPoint, RestartEvent, Sample, SoakResult, summarize, writeSection } from './report';
import { classify, soakWorkload } from './workload';

/**
 * `npm run bench:soak`: the whole system as real processes on 127.0.0.1, closed-loop mixed
 * traffic for SOAK_MINUTES (default 10), one subgraph stopped and started again every
 * SOAK_RESTART_EVERY_S seconds (default 60; SIGKILL and SIGTERM in turn). Every answer is
 * classified (complete, partial with a coded error, error, or lost without one); the results
 * go into BENCHMARKS.md (between its soak markers) and bench/soak/last-run.json. Exits 1 if a
 * request was lost without an error, or if the gateway died. Run `npm run build` first.
 */

const env = process.env;
const MINUTES = Number(env.SOAK_MINUTES ?? 10);
const CONCURRENCY = Number(env.SOAK_CONCURRENCY ?? 8);
const RESTART_EVERY_MS = Number(env.SOAK_RESTART_EVERY_S ?? 60) * 1000;
const SEED_SCALE = Number(env.SOAK_SEED_SCALE ?? 0.01);
const SAMPLE_EVERY_MS = 10_000;
const RESTARTED = ['population', 'business', 'dossiers', 'indicators'];
const ALL = ['population', 'business', 'dossiers', 'indicators', 'access'];

function log(message: string): void {
  console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function main(): Promise<void> {
  if (!(MINUTES > 0) || !(CONCURRENCY >= 1) || !(RESTART_EVERY_MS > 0) || !(SEED_SCALE > 0 && SEED_SCALE <= 1)) {
    throw new Error('SOAK_MINUTES, SOAK_CONCURRENCY, SOAK_RESTART_EVERY_S must be positive and SOAK_SEED_SCALE in (0, 1]');
  }
  // Its own data (seeded by the subgraphs on first start) and its own signing secret.
  const dataDir = env.DATABASE_URL ? undefined : mkdtempSync(path.join(os.tmpdir(), 'bdg-soak-'));
  const childEnv = {
    SEED_SCALE: String(SEED_SCALE),
    SUBGRAPH_SIGNING_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
    ...(dataDir ? { DATA_DIR: dataDir } : { DB_SCHEMA_PREFIX: env.DB_SCHEMA_PREFIX ?? 'soak_' }),
  };
  Object.assign(process.env, childEnv);

  log(`starting ${ALL.length} subgraphs (seeding at scale ${SEED_SCALE} on first start) and the gateway`);
  const subgraphs: Record<string, ServiceProcess> = {};
  for (const p of await Promise.all(ALL.map((name) => startSubgraphProcess(name)))) subgraphs[p.name] = p;
  // All the soak's clients share one address: the per-client rate limit would measure itself.
  const gateway = await startGatewayProcess(Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])), { RATE_LIMIT_PER_MINUTE: '0' });
  log(`gateway at ${gateway.url}`);

  const next = soakWorkload(SEED_SCALE);
  // Warm-up: every operation answers completely once before measuring.
  for (let i = 0; i < 5; i += 1) {
    const op = next(i);
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: op.query, variables: op.variables }) });
    const verdict = classify(op, response.status, await response.json().catch(() => undefined));
    if (verdict.kind !== 'ok') throw new Error(`warm-up: ${op.name} answered ${verdict.kind} ${verdict.detail ?? ''}`);
  }

  const samples: Sample[] = [];
  const restarts: RestartEvent[] = [];
  const memory: MemoryPoint[] = [];
  const started = Date.now();
  const deadline = started + MINUTES * 60_000;
  let sent = 0;

  const worker = async () => {
    while (Date.now() < deadline) {
      const op = next(sent++);
      const t0 = performance.now();
      let status = 0;
      let body: unknown;
      try {
        const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: op.query, variables: op.variables }), signal: AbortSignal.timeout(60_000) });
        status = response.status;
        body = await response.json().catch(() => undefined);
      } catch {
        body = undefined;
      }
      const verdict = classify(op, status, body);
      samples.push({ at: Date.now() - started, operation: op.name, ms: performance.now() - t0, ...verdict });
    }
  };

  const sampleMemory = () => {
    const subgraphRss = Object.values(subgraphs).reduce((sum, s) => sum + (s.child.exitCode === null ? safeRss(s.pid) : 0), 0);
    memory.push({ at: Date.now() - started, gatewayRssMiB: safeRss(gateway.pid), subgraphsRssMiB: subgraphRss });
  };
  sampleMemory();
  const memoryTimer = setInterval(sampleMemory, SAMPLE_EVERY_MS);

  const restarter = async () => {
    for (let n = 0; ; n += 1) {
      const at = started + (n + 1) * RESTART_EVERY_MS - RESTART_EVERY_MS / 2;
      if (at >= deadline - 5_000) return;
      await new Promise((r) => setTimeout(r, at - Date.now()));
      const name = RESTARTED[n % RESTARTED.length];
      const signal = n % 2 === 0 ? 'SIGKILL' : 'SIGTERM';
      const old = subgraphs[name];
      const t0 = Date.now();
      const exit = await old.stop(signal, 30_000);
      subgraphs[name] = await startSubgraphProcess(name, { port: old.port });
      restarts.push({ at: t0 - started, subgraph: name, signal, exitCode: exit.code, downMs: Date.now() - t0 });
      log(`restarted ${name} (${signal}, exit ${exit.code ?? exit.signal}, down ${Date.now() - t0} ms); ${samples.length} requests so far`);
    }
  };

  log(`load: ${CONCURRENCY} clients for ${MINUTES} min, a restart every ${RESTART_EVERY_MS / 1000} s`);
  await Promise.all([...Array.from({ length: CONCURRENCY }, worker), restarter()]);
  clearInterval(memoryTimer);
  sampleMemory();

  const gatewayAlive = gateway.child.exitCode === null && gateway.child.signalCode === null;
  const gatewayPeakRssMiB = gatewayAlive ? peakRssMiB(gateway.pid) : NaN;
  const finalExits: Record<string, number | null> = {};
  finalExits.gateway = (await gateway.stop('SIGTERM', 30_000)).code;
  for (const s of Object.values(subgraphs)) finalExits[s.name] = (await s.stop('SIGTERM', 30_000)).code;
  if (dataDir && !env.SOAK_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });

  const result: SoakResult = {
    startedAt: new Date(started).toISOString(),
    minutes: MINUTES,
    concurrency: CONCURRENCY,
    seedScale: SEED_SCALE,
    database: dataDir ? 'SQLite' : 'PostgreSQL',
    samples,
    restarts,
    memory,
    gatewayPeakRssMiB,
    gatewayAlive,
    finalExits,
  };
  const summary = summarize(result);
  const root = projectRoot();
  const output = env.SOAK_OUTPUT ?? path.join(root, 'BENCHMARKS.md');
  writeSection(output, markdown(result));
  writeFileSync(path.join(root, 'bench/soak/last-run.json'), JSON.stringify({ ...result, samples: undefined, summary }, null, 2) + '\n');
  log(`done: ${summary.requests} requests, ${summary.ok} complete, ${summary.lost} lost, p99 ${summary.p99.toFixed(0)} ms; written to ${output}`);
  if (summary.lost > 0 || !gatewayAlive) process.exitCode = 1;
}

function safeRss(pid: number): number {
  try {
    return rssMiB(pid);
  } catch {
    return 0;
  }
}

main().catch((error) => {
  console.error(`soak failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
