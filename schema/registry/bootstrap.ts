import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILT_IN_SUBGRAPHS, loadSubgraph } from '../../subgraphs/catalog';
import { subgraphConfig } from '../../subgraphs/kit/config';
import { projectRoot } from '../../subgraphs/kit/project-root';
import { buildFederatedSchema } from '../../subgraphs/kit/federation';
import { RegistryClient } from './cli/client';
import { adminTokenFile } from './config';
import { formatReport } from './cli/format';

/** The agency that owns the built-in subgraphs: Sở Thông tin và Truyền thông. */
export const BUILT_IN_AGENCY = { id: 'sotttt', name: 'Sở Thông tin và Truyền thông' } as const;

/**
 * REGISTRY_ADMIN_TOKEN, or the one kept in `<DATA_DIR>/registry-admin-token` (created on first
 * use, readable by its owner only). Returns the token and where it is. The file always ends up
 * holding the token the local registry accepts (REGISTRY_ADMIN_TOKEN too, when it is set), mode
 * 0600: `bdg`, run without REGISTRY_URL against this local registry, reads it.
 */
export function ensureAdminToken(env: Record<string, string | undefined> = process.env): { token: string; source: string } {
  const file = adminTokenFile(env);
  const stored = existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  const token = env.REGISTRY_ADMIN_TOKEN || stored || randomBytes(32).toString('base64url');
  if (token !== stored) {
    mkdirSync(path.dirname(file), { recursive: true });
    if (stored !== undefined) chmodSync(file, 0o600);
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return { token, source: env.REGISTRY_ADMIN_TOKEN ? `REGISTRY_ADMIN_TOKEN, also in ${file}` : file };
}

/** The development grants `npm start` seeds the registry with: GRANTS_FILE, default schema/grants.dev.json. */
export function developmentGrantsFile(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.GRANTS_FILE || path.join(projectRoot(), 'schema', 'grants.dev.json'));
}

/**
 * Seeds the registry's grants from a grants file (`{"grants": [...]}`) only when the registry has
 * no grant at all (revoked ones count), so grants an administrator manages are never touched.
 * Returns how many were imported (0 when the table already had grants).
 */
export async function seedGrantsIfEmpty(registryUrl: string, adminToken: string, file: string = developmentGrantsFile()): Promise<number> {
  const grants = (JSON.parse(readFileSync(file, 'utf8')) as { grants?: unknown }).grants;
  const response = await fetch(new URL('grants/import', registryUrl.endsWith('/') ? registryUrl : `${registryUrl}/`), {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ grants }),
  });
  const body = (await response.json().catch(() => ({}))) as { imported?: number; error?: { message?: string } };
  if (!response.ok) throw new BootstrapError(`The registry refused the grants of ${file}: ${body.error?.message ?? response.status}`);
  return body.imported ?? 0;
}

/** The SDL of a built-in subgraph, from its code (what its process will serve). */
export async function builtInSdl(name: string): Promise<string> {
  return (await buildFederatedSchema(loadSubgraph(name).schema)).typeDefs;
}

/** The URL a built-in subgraph will listen on, when its port is fixed (not 0). */
export function expectedUrl(name: string): string | undefined {
  const { port } = subgraphConfig(name);
  return port ? `http://127.0.0.1:${port}/graphql` : undefined;
}

export class BootstrapError extends Error {
  override name = 'BootstrapError';
}

/**
 * Registers the built-in subgraphs the way any agency registers one: agency "sotttt" (created
 * by the administrator on first start) publishes each SDL through the publish API. Forced: the
 * code in this tree is what is about to run, so the registry must describe it, even when it
 * breaks clients (composition errors still stop the start). Idempotent: an unchanged schema
 * and URL publish nothing. Returns the agency's client and each subgraph's signing secret.
 */
export async function registerBuiltInSubgraphs(registryUrl: string, adminToken: string, urls: Record<string, string | undefined>, log: (line: string) => void): Promise<{ agency: RegistryClient; secrets: Record<string, string> }> {
  const admin = new RegistryClient(registryUrl, adminToken);
  await admin.createAgency(BUILT_IN_AGENCY.id, BUILT_IN_AGENCY.name);
  const agency = new RegistryClient(registryUrl, (await admin.issueAgencyToken(BUILT_IN_AGENCY.id, { label: 'npm-start', replace: true })).token);
  for (const name of BUILT_IN_SUBGRAPHS) await publishBuiltIn(agency, name, urls[name] ?? `http://127.0.0.1:0/${name}/graphql`, log);
  const secrets = Object.fromEntries((await admin.signingSecrets()).map((s) => [s.name, s.secret]));
  return { agency, secrets };
}

/** Publishes one built-in subgraph (its SDL from code) at a URL. */
export async function publishBuiltIn(agency: RegistryClient, name: string, url: string, log: (line: string) => void): Promise<void> {
  const result = await agency.publish(name, { sdl: await builtInSdl(name), url, force: true });
  if (result.status === 'refused') throw new BootstrapError(`The registry refused the ${name} subgraph (composition or data classification):\n${formatReport(result.report)}`);
  if (result.status === 'published') {
    log(`  registered   ${result.version.summary} -> supergraph version ${result.version.version}`);
    if (result.report.changes.some((c) => c.breaking)) log(`  warning      ${name} changed incompatibly (published because it is the code in this tree)`);
  }
}
