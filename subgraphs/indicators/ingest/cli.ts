import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { ConfigError, subgraphConfig } from '../../kit/config';
import { parseCliOptions, USAGE, UsageError } from './cli-options';
import { RefreshError } from './errors';
import { refreshDossierIndicators } from './refresh';
import { lastWeeks } from './weeks';

/**
 * `npm run -s ioc:refresh -- [--weeks N] [--gateway URL] [--token JWT]`: refreshes the weekly
 * dossier indicators from the gateway (see README.md). Progress on stderr, the summary on
 * stdout. Exit 0 when done, 1 when the gateway or the database failed, 2 on bad input.
 */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

const NAME = 'ioc:refresh';

export async function runIocRefreshCli(argv: string[], io: CliIo): Promise<number> {
  let options;
  let database;
  try {
    options = parseCliOptions(argv, io.env);
    if (options.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    database = subgraphConfig('indicators', io.env).database;
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
    io.stderr.write(`${NAME}: ${error.message}\n${USAGE}\n`);
    return 2;
  }

  const tty = Boolean((io.stderr as { isTTY?: boolean }).isTTY);
  try {
    const summary = await refreshDossierIndicators({
      url: options.gatewayUrl,
      token: options.token,
      weeks: lastWeeks(options.weeks),
      database,
      onProgress: ({ weeksDone, weeksTotal, observationsWritten }) => {
        const line = `${NAME}: ${weeksDone}/${weeksTotal} weeks, ${observationsWritten.toLocaleString('en-US')} observations`;
        io.stderr.write(tty ? `\r${line}${weeksDone === weeksTotal ? '\n' : ''}` : `${line}\n`);
      },
    });
    io.stdout.write(
      `${NAME}: wrote ${summary.observationsWritten.toLocaleString('en-US')} observations` +
        (summary.observationsRemoved > 0 ? ` (removed ${summary.observationsRemoved.toLocaleString('en-US')} whose rate is now null)` : '') +
        ` for ${summary.weeks} weeks × ${summary.units} units in ${summary.requests} request${summary.requests === 1 ? '' : 's'}, ${summary.seconds.toFixed(1)} s\n`,
    );
    return 0;
  } catch (error) {
    if (tty) io.stderr.write('\n');
    const message = error instanceof RefreshError ? `${error.message} [${error.code}]` : `the refresh failed: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr.write(`${NAME}: ${message}\n`);
    return 1;
  }
}

if (require.main === module) {
  const envFile = path.resolve('.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  runIocRefreshCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${NAME}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
