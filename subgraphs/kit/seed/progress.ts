import { MultiBar, Presets } from 'cli-progress';
import type { Logger } from '../logger';

/** Progress of one table being filled. */
export interface TableProgress {
  advance(rows: number): void;
  done(): void;
}

/** Opens one progress display per table; seeds call it for every table they fill in bulk. */
export type SeedProgress = (table: string, totalRows: number) => TableProgress;

/** Log lines at every tenth of the table (for services that seed on start, where a bar would garble the log). */
export function logProgress(log: Logger): SeedProgress {
  return (table, total) => {
    let rows = 0;
    let nextTenth = 1;
    const started = Date.now();
    return {
      advance(n) {
        rows += n;
        if (total >= 100_000 && rows >= (total * nextTenth) / 10) {
          log.info({ table, rows, total }, `seeding ${table}: ${Math.round((rows / total) * 100)}%`);
          nextTenth = Math.floor((rows / total) * 10) + 1;
        }
      },
      done() {
        log.info({ table, rows, ms: Date.now() - started }, `seeded ${table}`);
      },
    };
  };
}

/** One bar per table on stderr (`npm run seed`); without a terminal it prints a line every few seconds. */
export function barProgress(subgraph: string): { progress: SeedProgress; stop(): void } {
  const bars = new MultiBar(
    { format: `${subgraph.padEnd(11)} {table} |{bar}| {percentage}% {value}/{total} rows, {rate} rows/s, eta {eta_formatted}`, hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000, etaBuffer: 50, stream: process.stderr },
    Presets.shades_classic,
  );
  return {
    progress: (table, total) => {
      const started = Date.now();
      const bar = bars.create(Math.max(total, 1), 0, { table: table.padEnd(20), rate: 0 });
      let rows = 0;
      return {
        advance(n) {
          rows += n;
          bar.update(rows, { rate: Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001)) });
        },
        done() {
          bar.update(Math.max(rows, total), { rate: Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001)) });
        },
      };
    },
    stop: () => bars.stop(),
  };
}

/** No display (tests). */
export const silentProgress: SeedProgress = () => ({ advance: () => undefined, done: () => undefined });
