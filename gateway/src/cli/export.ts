import { readFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * `npm run export -- --query FILE --path dossiers --format csv [--variables JSON] [--token JWT]
 * [--purpose CODE] [--gateway URL] > out.csv`: runs an export through the gateway's /export
 * endpoint (so tokens, grants, limits and access records apply) and streams it to stdout,
 * with a progress line on stderr. Exit 0 when complete, 1 when the export failed (HTTP error or
 * a final error line), 2 on bad usage. The token defaults to $BDG_TOKEN, the gateway to
 * $GATEWAY_URL or http://127.0.0.1:4000.
 */
export interface ExportCliIo {
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

const USAGE = 'usage: npm run -s export -- --query FILE --path data.dossiers [--format csv|ndjson] [--variables JSON] [--operation NAME] [--token JWT] [--purpose CODE] [--gateway URL] > out.csv';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The /export URL of a gateway given as its base URL or its /graphql URL. */
export function exportUrl(gateway: string): string {
  const url = new URL(gateway);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '') + '/export';
  return url.toString();
}

/** Counts records (CSV: outside quotes, so a line break inside a value does not count) and keeps the last one, to find a final error line. */
class RowCounter {
  private records = 0;
  private inQuotes = false;
  private current = '';
  private last = '';
  constructor(private readonly csv: boolean) {}
  see(chunk: string): void {
    for (const ch of chunk) {
      if (this.csv && ch === '"') this.inQuotes = !this.inQuotes;
      if (ch === '\n' && !this.inQuotes) {
        this.records += 1;
        this.last = this.current;
        this.current = '';
      } else {
        this.current += ch;
      }
    }
  }
  /** Rows written (the CSV header and an error line are not rows). */
  count(): number {
    return Math.max(0, this.records - (this.csv ? 1 : 0) - (this.failed() ? 1 : 0));
  }
  failed(): boolean {
    const last = this.last.replace(/^\uFEFF/, '');
    return this.csv ? last.startsWith('#ERROR') : last.startsWith('{"error":');
  }
  error(): string {
    return this.last.trim();
  }
}

export async function runExportCli(argv: string[], io: ExportCliIo): Promise<number> {
  const file = option(argv, 'query');
  const path = option(argv, 'path');
  const format = option(argv, 'format') ?? 'csv';
  if (!file || !path) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let query: string;
  let variables: unknown;
  try {
    query = readFileSync(file, 'utf8');
    variables = option(argv, 'variables') ? JSON.parse(option(argv, 'variables')!) : undefined;
  } catch (error) {
    io.stderr.write(`export: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = option(argv, 'token') ?? io.env.BDG_TOKEN;
  if (token) headers.authorization = `Bearer ${token}`;
  const purpose = option(argv, 'purpose');
  if (purpose) headers['x-purpose'] = purpose;
  const url = exportUrl(option(argv, 'gateway') ?? io.env.GATEWAY_URL ?? 'http://127.0.0.1:4000');

  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables, path, format, operationName: option(argv, 'operation') }) });
  if (!response.ok || !response.body) {
    const text = await response.text();
    let message = text;
    try {
      message = JSON.parse(text).errors.map((e: any) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
    } catch {
      // not JSON: show the text as is
    }
    io.stderr.write(`export: HTTP ${response.status}: ${message}\n`);
    return 1;
  }
  const total = response.headers.get('x-export-total-count');
  const counter = new RowCounter(format === 'csv');
  const decoder = new TextDecoder('utf-8');
  let lastProgress = 0;
  const progress = (final = false) => {
    const now = Date.now();
    if (!final && now - lastProgress < 250) return;
    lastProgress = now;
    io.stderr.write(`\rexport: ${counter.count().toLocaleString('en-US')}${total ? ` of ${Number(total).toLocaleString('en-US')}` : ''} rows${final ? '\n' : ''}`);
  };
  const body = Readable.fromWeb(response.body as any);
  body.on('data', (chunk: Buffer) => {
    counter.see(decoder.decode(chunk, { stream: true }));
    progress();
  });
  // Bytes go to stdout unchanged (BOM and all); pipeline applies stdout's backpressure.
  await pipeline(body, io.stdout, { end: false });
  progress(true);
  if (counter.failed()) {
    io.stderr.write(`export: stopped with an error: ${counter.error()}\n`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  runExportCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error) => {
      process.stderr.write(`export: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
