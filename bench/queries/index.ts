import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { loadSubgraph } from '../../subgraphs/catalog';
import { describeSeedState, encodeCursor, openDatabase, parseSeedScale, projectRoot, qualifiedTable, seedState, subgraphConfig } from '../../subgraphs/kit';
import { Dossier } from '../../subgraphs/dossiers/entities/dossier';
import { DEV_ALG, DEV_AUDIENCE, DEV_ISSUER, devKeyDir, ensureDevKeys, loadDevPrivateKey } from '../../gateway/src/plugins/auth/dev-keys';
import { ServiceProcess, startGatewayProcess, startSubgraphProcess } from '../../test/support/processes';
import { markdown, ScenarioResult } from './report';
import { Scenario, scenarios } from './scenarios';
import { writeMarkedSection } from '../markdown-section';
import { countersOf } from './metrics';
import { checkPublishedFigures } from './fidelity';

/**
 * `npm run bench:queries`: the canonical queries through the gateway against an already seeded
 * database (PostgreSQL with DATABASE_URL and DB_SCHEMA_PREFIX, or SQLite in DATA_DIR), each
 * for BENCH_SECONDS with BENCH_CONNECTIONS concurrent clients; p50/p95/p99, errors and SQL
 * statements per request go to BENCHMARKS.md (one section per database kind).
 */

const env = process.env;
const SECONDS = Number(env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 10);
const SUBGRAPHS = ['population', 'business', 'dossiers', 'indicators', 'access'];
const SEEDED = ['population', 'business', 'dossiers', 'indicators'];

function log(message: string): void {
  console.log(`[bench:queries ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Every subgraph's database must hold the seed of `scale`: the benchmark never seeds (that takes minutes at scale 1). */
async function checkSeeded(scale: number): Promise<string> {
  let cursor = '';
  for (const name of SEEDED) {
    const definition = loadSubgraph(name);
    const database = await openDatabase(subgraphConfig(name).database, definition);
    try {
      const state = await seedState(definition, database.orm.em.fork());
      if (state.kind !== 'seeded' || state.scale !== scale) {
        throw new Error(`${name}: the database ${describeSeedState(state)}, not seeded at scale ${scale}. Seed it first with the same DATABASE_URL/DB_SCHEMA_PREFIX or DATA_DIR: npm run seed -- --scale ${scale}`);
      }
      if (name === 'dossiers') {
        // The cursor of page 500 (100 per page) is the code of the 49,900th dossier in code order.
        const em = database.orm.em.fork();
        const [row] = await em.getConnection().execute(`select code from ${qualifiedTable(em, Dossier)} order by code limit 1 offset 49899`);
        cursor = encodeCursor(row.code);
      }
    } finally {
      await database.close();
    }
  }
  return cursor;
}

function valueAt(data: unknown, pathParts: string[]): unknown {
  return pathParts.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

async function preflight(url: string, scenario: Scenario, headers: Record<string, string>): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: scenario.query, variables: scenario.variables(i) }) });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (response.status !== 200 || body.errors?.length || valueAt(body.data, scenario.requiredPath) == null) {
      throw new Error(`${scenario.name}: the gateway answered ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
    }
  }
}

async function measure(url: string, scenario: Scenario, headers: Record<string, string>): Promise<Omit<ScenarioResult, 'sqlPerRequest' | 'subgraphMsPerRequest'>> {
  let i = 0;
  let graphqlErrors = 0;
  const latencies: number[] = [];
  const options = {
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        setupRequest: (request: any) => ({ ...request, body: JSON.stringify({ query: scenario.query, variables: scenario.variables(i++) }) }),
        onResponse: (_status: number, body: string) => {
          if (body.includes('"errors"')) graphqlErrors += 1;
        },
      },
    ],
  } as any;
  // autocannon reports p97.5 but not p95: every response's time is kept and ranked here.
  const run = autocannon as unknown as (options: unknown, done: (error: Error | null, result: any) => void) => { on(event: 'response', listener: (...args: any[]) => void): void };
  const result = await new Promise<any>((resolve, reject) => {
    const instance = run(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => Math.round((latencies[Math.max(0, Math.ceil(p * latencies.length) - 1)] ?? 0) * 10) / 10;
  return {
    name: scenario.name,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: percentile(0.5),
    p95: percentile(0.95),
    p99: percentile(0.99),
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    target: scenario.target,
  };
}

async function main(): Promise<void> {
  if (!(SECONDS >= 1) || !(CONNECTIONS >= 1)) throw new Error('BENCH_SECONDS and BENCH_CONNECTIONS must be positive numbers');
  const scale = parseSeedScale('BENCH_SCALE', env.BENCH_SCALE ?? '1');
  const kind = subgraphConfig('dossiers').database.kind;
  log(`checking that the ${kind} databases are seeded at scale ${scale}`);
  const page500 = await checkSeeded(scale);

  Object.assign(process.env, { SEED_SCALE: String(scale), SUBGRAPH_SIGNING_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: env.LOG_LEVEL ?? 'warn' });
  const processes: ServiceProcess[] = [];
  try {
    const subgraphs = await Promise.all(SUBGRAPHS.map((name) => startSubgraphProcess(name)));
    processes.push(...subgraphs);
    const gateway = await startGatewayProcess(Object.fromEntries(subgraphs.map((s) => [s.name, s.url])));
    processes.push(gateway);
    log(`gateway at ${gateway.url}; ${CONNECTIONS} clients, ${SECONDS} s per query`);

    await ensureDevKeys(devKeyDir());
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ agency: 'DEMO-AGENCY', scope: '' }).setProtectedHeader({ alg: DEV_ALG }).setSubject('bench@DEMO-AGENCY').setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setIssuedAt(now).setExpirationTime(now + 3600).sign(await loadDevPrivateKey(devKeyDir()));
    const fidelity = await checkPublishedFigures(gateway.url, scale);
    log(`published figures: ${fidelity.filter((f) => f.ok).length} of ${fidelity.length} reproduced${fidelity.some((f) => !f.ok) ? `; NOT: ${fidelity.filter((f) => !f.ok).map((f) => f.figure).join(', ')}` : ''}`);
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios(scale, page500)) {
      const headers: Record<string, string> = scenario.personal ? { authorization: `Bearer ${token}`, 'x-purpose': 'demo' } : {};
      await preflight(gateway.url, scenario, headers);
      const before = await countersOf(subgraphs);
      const measured = await measure(gateway.url, scenario, headers);
      const after = await countersOf(subgraphs);
      const perRequest = (read: (c: { sqlStatements: number; graphqlSeconds: number }) => number) =>
        Object.fromEntries(subgraphs.map((s) => [s.name, (read(after[s.name]) - read(before[s.name])) / Math.max(measured.requests, 1)]));
      results.push({ ...measured, sqlPerRequest: perRequest((c) => c.sqlStatements), subgraphMsPerRequest: perRequest((c) => c.graphqlSeconds * 1000) });
      log(`${scenario.name}: ${measured.rps.toFixed(0)} req/s, p50 ${measured.p50} ms, p95 ${measured.p95} ms, p99 ${measured.p99} ms, ${measured.errors} errors`);
    }
    const section = markdown(results, fidelity, { kind, scale, seconds: SECONDS, connections: CONNECTIONS, date: new Date().toISOString(), sharing: env.SUBGRAPH_SHARE_IN_FLIGHT !== 'off' });
    writeMarkedSection(path.resolve(projectRoot(), env.BENCH_OUTPUT ?? 'BENCHMARKS.md'), `queries-${kind}`, 'npm run bench:queries', section);
    writeFileSync(path.join(projectRoot(), 'bench', 'queries', `last-run-${kind}.json`), JSON.stringify({ kind, scale, seconds: SECONDS, connections: CONNECTIONS, fidelity, results }, null, 2));
    log(`wrote the queries-${kind} section of BENCHMARKS.md`);
  } finally {
    await Promise.all(processes.reverse().map((p) => p.stop('SIGTERM', 10_000)));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
