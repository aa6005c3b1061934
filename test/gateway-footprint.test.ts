import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postGraphQL } from './support/graphql-client';
import { startGatewayProcess } from './support/processes';
import { usesPostgres } from './support/test-env';

// The gateway loads only what its configuration uses: every module it loads stays in its heap for
// its lifetime (about 4.5 MiB of heap and 20 MiB of RSS for the four below when idle: README,
// "Memory at rest"), and V8 lets the old generation grow to a multiple of what stays alive.

const dir = mkdtempSync(path.join(os.tmpdir(), 'bdg-footprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Preloaded into the gateway: at exit, writes the packages of every module it had loaded.
const preload = path.join(dir, 'loaded-packages.js');
writeFileSync(
  preload,
  `process.on('exit', () => {
    const packages = new Set(Object.keys(require.cache).map((file) => (file.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)/) || [])[1]).filter(Boolean));
    require('node:fs').writeFileSync(process.env.LOADED_PACKAGES_FILE, JSON.stringify([...packages]));
  });`,
);

/** Starts a gateway with `env`, serves one request, stops it and returns the packages it loaded. */
async function packagesLoaded(name: string, env: Record<string, string | undefined>): Promise<string[]> {
  const file = path.join(dir, `${name}.json`);
  const gateway = await startGatewayProcess({}, { LOADED_PACKAGES_FILE: file, ...env }, ['--require', preload]);
  const answer = await postGraphQL(gateway.url, '{ __typename }');
  expect(answer.status).toBe(200);
  expect(answer.data).toEqual({ __typename: 'Query' });
  const exit = await gateway.stop('SIGTERM');
  expect(exit.forced).toBe(false);
  return JSON.parse(readFileSync(file, 'utf8')) as string[];
}

// The database drivers' own packages (MikroORM's driver packages only wrap them).
const unusedDriver = usesPostgres() ? 'better-sqlite3' : 'pg-protocol';
const usedDriver = usesPostgres() ? 'pg-protocol' : 'better-sqlite3';

test(`without Redis or an OTLP endpoint the gateway loads neither ioredis nor the OTLP exporter, nor ${unusedDriver} (the unused database driver), nor type-graphql`, async () => {
  const loaded = await packagesLoaded('plain', { REDIS_URL: undefined, OTEL_EXPORTER_OTLP_ENDPOINT: undefined, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: undefined });
  // What it does use is on the list: the list is the real one.
  expect(loaded).toEqual(expect.arrayContaining(['@apollo/gateway', 'jose', '@mikro-orm/core', usedDriver]));
  for (const unused of ['ioredis', '@opentelemetry/exporter-trace-otlp-http', unusedDriver, 'type-graphql']) expect(loaded).not.toContain(unused);
});

test('with REDIS_URL and an OTLP endpoint set, the gateway loads ioredis and the OTLP exporter', async () => {
  const loaded = await packagesLoaded('configured', { REDIS_URL: 'redis://127.0.0.1:6379', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
  expect(loaded).toEqual(expect.arrayContaining(['ioredis', '@opentelemetry/exporter-trace-otlp-http', usedDriver]));
  expect(loaded).not.toContain('type-graphql');
});
