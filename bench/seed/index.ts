import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseSeedScale, projectRoot, subgraphConfig } from '../../subgraphs/kit';
import { writeMarkedSection } from '../markdown-section';

/**
 * `npm run bench:seed`: times `npm run seed -- --scale BENCH_SCALE --reset` (default 1) on the
 * configured databases (DATABASE_URL + DB_SCHEMA_PREFIX, or DATA_DIR) and writes the time per
 * subgraph and in total to BENCHMARKS.md (one section per database kind). It deletes and
 * rebuilds what those databases hold.
 */
async function main(): Promise<void> {
  const scale = parseSeedScale('BENCH_SCALE', process.env.BENCH_SCALE ?? '1');
  const kind = subgraphConfig('dossiers').database.kind;
  const started = Date.now();
  const lines: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot(), 'dist', 'subgraphs', 'seed-cli.js'), '--scale', String(scale), '--reset'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      process.stdout.write(chunk);
      lines.push(...chunk.split('\n').filter(Boolean));
    });
    child.once('error', reject).once('exit', resolve);
  });
  if (code !== 0) throw new Error(`the seed exited with ${code}`);
  const totalSeconds = (Date.now() - started) / 1000;
  const rows = lines
    .map((line) => /^(\w+): seeded at scale [\d.]+ in ([\d.]+) s/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `| ${m[1]} | ${Number(m[2]).toFixed(1)} |`);
  const section = [
    `## Seeding at scale ${scale} on ${kind === 'postgresql' ? 'PostgreSQL' : 'SQLite'}`,
    '',
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, this machine (${os.cpus().length} cores, shared with the database): \`npm run seed -- --scale ${scale} --reset\`, each subgraph in one transaction (${kind === 'postgresql' ? 'COPY' : 'prepared multi-row INSERTs'}), roll-ups included.`,
    '',
    '| subgraph | seconds |',
    '| --- | ---: |',
    ...rows,
    `| **total** (process start to exit) | **${totalSeconds.toFixed(1)}** |`,
  ].join('\n');
  writeMarkedSection(path.resolve(projectRoot(), process.env.BENCH_OUTPUT ?? 'BENCHMARKS.md'), `seed-${kind}`, 'npm run bench:seed', section);
  console.log(`bench:seed: ${totalSeconds.toFixed(1)} s in total; written to BENCHMARKS.md`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
