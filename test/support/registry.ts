import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { BUILT_IN_SUBGRAPHS } from '../../subgraphs/catalog';
import { builtInSdl } from '../../schema/registry/bootstrap';
import type { DatabaseConfig } from '../../subgraphs/kit/config';
import { RegistryClient } from '../../schema/registry/cli/client';
import { registryConfig, RegistryConfig } from '../../schema/registry/config';
import { RunningRegistry, startRegistry } from '../../schema/registry/server';

/**
 * A registry on a free port with a database of its own (an SQLite file in the run's DATA_DIR,
 * or a PostgreSQL schema with the run's prefix, dropped by the global teardown), so that test
 * files running in parallel never see each other's versions.
 */
export interface TestRegistry {
  url: string;
  running: RunningRegistry;
  adminToken: string;
  admin: RegistryClient;
  config: RegistryConfig;
  stop(): Promise<void>;
}

function ownDatabase(id: string): DatabaseConfig {
  const base = registryConfig().database;
  if (base.kind === 'postgresql') return { ...base, schema: `${process.env.DB_SCHEMA_PREFIX ?? ''}registry_${id}` };
  return { kind: 'sqlite', file: path.join(path.dirname(base.file), `registry-${id}.sqlite`) };
}

export async function startTestRegistry(overrides: Partial<RegistryConfig> = {}): Promise<TestRegistry> {
  const adminToken = `admin-${randomBytes(24).toString('base64url')}`;
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const config: RegistryConfig = { ...registryConfig(), port: 0, host: '127.0.0.1', database: ownDatabase(id), adminToken, shutdownTimeoutMs: 2_000, ...overrides };
  const running = await startRegistry(config);
  return { url: running.url, running, adminToken, admin: new RegistryClient(running.url, adminToken), config, stop: () => running.stop() };
}

/** Registers an agency and returns a client holding one of its tokens. */
export async function agencyClient(registry: TestRegistry, id: string, name = `Agency ${id}`): Promise<RegistryClient> {
  await registry.admin.createAgency(id, name);
  const { token } = await registry.admin.issueAgencyToken(id, { label: 'test' });
  return new RegistryClient(registry.url, token);
}

let builtIns: Promise<Record<string, string>> | undefined;

/** The built-in subgraphs' SDL, built from their code (as npm start publishes them). */
export function builtInSdls(): Promise<Record<string, string>> {
  builtIns ??= (async () => {
    const sdls: Record<string, string> = {};
    for (const name of BUILT_IN_SUBGRAPHS) sdls[name] = await builtInSdl(name);
    return sdls;
  })();
  return builtIns;
}

/** Publishes the four built-in subgraphs as agency "sotttt"; urls default to placeholders. */
export async function publishBuiltIns(registry: TestRegistry, urls: Record<string, string> = {}): Promise<RegistryClient> {
  const client = await agencyClient(registry, 'sotttt', 'Sở Thông tin và Truyền thông');
  const sdls = await builtInSdls();
  for (const name of BUILT_IN_SUBGRAPHS) {
    const result = await client.publish(name, { sdl: sdls[name], url: urls[name] ?? `http://127.0.0.1:9/${name}/graphql` });
    if (result.status === 'refused') throw new Error(`built-in ${name} refused: ${result.report.summary} ${JSON.stringify(result.report.errors)}`);
  }
  return client;
}
