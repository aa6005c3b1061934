import type { EntityManager } from '@mikro-orm/core';
import { generateSigningSecret } from '../auth/tokens';
import { classificationErrors } from '../checks/classification';
import { diffClassifications } from '../checks/classification-changes';
import { diffSchemas, sortChanges } from '../checks/breaking-changes';
import { composeSubgraphs, sha256 } from '../checks/composition';
import type { CheckReport, SchemaChange } from '../checks/types';
import type { CheckPolicy } from '../config';
import { RegisteredSubgraph, RolloutEvent, SchemaPublish, SupergraphVersion } from '../entities';
import { badRequest, forbidden, notFound, RegistryError, RegistryErrorCode } from '../errors';
import { actorOf, Principal } from './access';
import { headline } from './summary';
import { affectedOperations } from './usage';
import { validRoutingUrl, validSubgraphName, MAX_SDL_LENGTH } from './validation';
import { apiSchemaOf, currentVersion, latestVersionNumber, sourcesOf, VersionSubgraph, VersionView, viewOf } from './versions';

export interface CheckSettings {
  usageWindowDays: number;
  checkPolicy: CheckPolicy;
}

export interface SchemaProposal {
  name: string;
  sdl: string;
  /** Routing URL; may be omitted for a subgraph that is already in the current version. */
  url?: string;
  force?: boolean;
}

interface CheckRun {
  report: CheckReport;
  /** Present when the proposal composes. */
  composed?: { supergraphSdl: string; supergraphHash: string; apiSchemaSdl: string; subgraphs: (VersionSubgraph & { sdl: string })[]; urlChanged: boolean; isNew: boolean; unchanged: boolean };
}

const now = () => new Date().toISOString();

/** Reads and validates a proposal from a request body. */
export function parseProposal(name: string, body: { sdl?: unknown; url?: unknown; force?: unknown }): SchemaProposal {
  const subgraph = validSubgraphName(name);
  if (typeof body.sdl !== 'string' || body.sdl.length > MAX_SDL_LENGTH) throw badRequest(`sdl must be the subgraph's schema as a string of at most ${MAX_SDL_LENGTH} characters`);
  const url = body.url === undefined || body.url === null || body.url === '' ? undefined : validRoutingUrl(body.url);
  return { name: subgraph, sdl: body.sdl, url, force: body.force === true };
}

/** A token may act only on names its agency owns, or on names nobody owns yet. */
async function assertMayPublish(em: EntityManager, principal: Principal, name: string): Promise<RegisteredSubgraph | null> {
  if (principal.kind !== 'agency') throw forbidden('Only an agency token may check or publish a subgraph; ask the administrator for one (bdg agency token)');
  const registration = await em.findOne(RegisteredSubgraph, { name });
  if (registration && registration.agencyId !== principal.agencyId) {
    throw forbidden(`Subgraph "${name}" belongs to agency "${registration.agencyId}"; choose another name, or ask that agency or the administrator`);
  }
  return registration;
}

/**
 * Runs every check of a proposal against the current version: the SDL parses, the subgraphs
 * compose, and the client-facing schema loses nothing clients use (unless forced). Never writes.
 */
async function runChecks(em: EntityManager, settings: CheckSettings, proposal: SchemaProposal): Promise<CheckRun> {
  const base = await currentVersion(em);
  const sources = await sourcesOf(em, base);
  const previous = sources.find((s) => s.name === proposal.name);
  const url = proposal.url ?? previous?.url;
  const report = (partial: Partial<CheckReport>): CheckReport => ({
    subgraph: proposal.name,
    outcome: 'ok',
    accepted: true,
    forced: proposal.force === true,
    errors: [],
    changes: [],
    affectedOperations: [],
    usageWindowDays: settings.usageWindowDays,
    baseVersion: base?.version ?? null,
    summary: '',
    ...partial,
  });
  const candidate = { name: proposal.name, url: url ?? 'http://unpublished.invalid/graphql', sdl: proposal.sdl };
  const others = sources.filter((s) => s.name !== proposal.name);
  const composition = composeSubgraphs([...others, candidate]);
  if (!composition.ok) {
    const what = composition.outcome === 'invalid-sdl' ? 'The schema does not parse' : `The schema does not compose with the ${others.length} other subgraph${others.length === 1 ? '' : 's'}`;
    return { report: report({ outcome: composition.outcome, accepted: false, errors: composition.errors, summary: `${what}: ${composition.errors.length} error${composition.errors.length === 1 ? '' : 's'}` }) };
  }
  // Every field must carry a data classification, the same in every subgraph (not forceable:
  // the gateway's access checks depend on it).
  const unclassified = classificationErrors([...others, candidate]);
  if (unclassified.length) {
    return { report: report({ outcome: 'classification-failed', accepted: false, errors: unclassified, summary: `The data classification is incomplete or conflicting: ${unclassified.length} problem${unclassified.length === 1 ? '' : 's'}` }) };
  }

  const changes: SchemaChange[] = sortChanges([
    ...diffSchemas(base ? apiSchemaOf(base) : null, composition.apiSchema),
    ...diffClassifications(base?.supergraphSdl ?? null, composition.supergraphSdl),
  ]);
  const breaking = changes.filter((c) => c.breaking);
  const affected = breaking.length ? await affectedOperations(em, breaking, settings.usageWindowDays) : [];
  const refusing = settings.checkPolicy === 'strict' ? breaking.length > 0 : affected.length > 0;
  const accepted = !refusing || proposal.force === true;
  const sdlHash = sha256(proposal.sdl);
  const isNew = !previous;
  const urlChanged = !!previous && previous.url !== url;
  const unchanged = !!previous && previous.sdlHash === sdlHash && !urlChanged;
  const summaryLine = headline(proposal.name, changes, { isNew, urlChanged, forced: breaking.length > 0 && proposal.force === true });
  let summary = summaryLine;
  if (refusing && !accepted) {
    summary = affected.length
      ? `Refused: ${breaking.length} breaking change${breaking.length === 1 ? '' : 's'} would break ${affected.length} client operation${affected.length === 1 ? '' : 's'} seen in the last ${settings.usageWindowDays} days (publish with --force to accept)`
      : `Refused: ${breaking.length} breaking change${breaking.length === 1 ? '' : 's'}; no client operation used ${breaking.length === 1 ? 'it' : 'them'} in the last ${settings.usageWindowDays} days (publish with --force to accept)`;
  }
  return {
    report: report({ outcome: refusing ? 'breaking-changes' : 'ok', accepted, changes, affectedOperations: affected, summary }),
    composed: {
      supergraphSdl: composition.supergraphSdl,
      supergraphHash: composition.supergraphHash,
      apiSchemaSdl: composition.apiSchemaSdl,
      subgraphs: [...others.map((s) => ({ name: s.name, url: s.url, publishId: s.publishId, sdlHash: s.sdlHash, sdl: s.sdl })), { name: proposal.name, url: url ?? '', publishId: 0, sdlHash, sdl: proposal.sdl }],
      urlChanged,
      isNew,
      unchanged,
    },
  };
}

/** `subgraph check`: the same checks as a publish, without publishing. */
export async function checkProposal(em: EntityManager, settings: CheckSettings, principal: Principal, proposal: SchemaProposal): Promise<CheckReport> {
  await assertMayPublish(em, principal, proposal.name);
  return (await runChecks(em, settings, proposal)).report;
}

export type PublishResult =
  | { status: 'refused'; report: CheckReport }
  | { status: 'unchanged'; report: CheckReport; version: VersionView | null }
  | { status: 'published'; report: CheckReport; version: VersionView; signingSecret?: string };

/**
 * `subgraph publish`: checks, then records the publish and a new immutable supergraph version
 * and makes it current. The first publish of a name claims it for the agency and issues the
 * subgraph's signing secret, returned this once.
 */
export async function publishProposal(em: EntityManager, settings: CheckSettings, principal: Principal, proposal: SchemaProposal): Promise<PublishResult> {
  const registration = await assertMayPublish(em, principal, proposal.name);
  const { report, composed } = await runChecks(em, settings, proposal);
  if (!report.accepted || !composed) return { status: 'refused', report };
  if (composed.isNew && !proposal.url) throw badRequest(`url is required for the first publish of "${proposal.name}": where should the gateway reach it?`);
  if (composed.unchanged) {
    const current = await currentVersion(em);
    return { status: 'unchanged', report: { ...report, summary: `${proposal.name}: unchanged (same schema and URL as version ${current?.version})` }, version: current ? viewOf(current) : null };
  }
  const agencyId = actorOf(principal);
  const label = principal.kind === 'agency' ? principal.label : 'admin';
  return em.transactional(async (tx) => {
    const at = now();
    let signingSecret: string | undefined;
    if (!registration) {
      signingSecret = generateSigningSecret();
      tx.create(RegisteredSubgraph, { name: proposal.name, agencyId, signingSecret, createdAt: at });
    }
    const base = await currentVersion(tx);
    const number = (await latestVersionNumber(tx)) + 1;
    const own = composed.subgraphs[composed.subgraphs.length - 1];
    const publish = tx.create(SchemaPublish, {
      subgraphName: proposal.name,
      routingUrl: own.url,
      sdl: proposal.sdl,
      sdlHash: own.sdlHash,
      publishedAt: at,
      agencyId,
      tokenLabel: label,
      forced: report.changes.some((c) => c.breaking) && proposal.force === true,
      supergraphVersion: number,
      changes: JSON.stringify({ headline: report.summary, changes: report.changes }),
    });
    await tx.flush();
    const subgraphs: VersionSubgraph[] = composed.subgraphs
      .map((s) => ({ name: s.name, url: s.url, publishId: s.name === proposal.name ? publish.id : s.publishId, sdlHash: s.sdlHash }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const version = tx.create(SupergraphVersion, {
      version: number,
      hash: composed.supergraphHash,
      supergraphSdl: composed.supergraphSdl,
      apiSchemaSdl: composed.apiSchemaSdl,
      createdAt: at,
      author: agencyId,
      subgraphName: proposal.name,
      summary: JSON.stringify({ headline: report.summary, changes: report.changes, forced: publish.forced }),
      subgraphs: JSON.stringify(subgraphs),
    });
    tx.create(RolloutEvent, { version: number, previousVersion: base?.version ?? null, at, actor: agencyId, reason: 'publish' });
    await tx.flush();
    return { status: 'published' as const, report, version: viewOf(version, number), ...(signingSecret ? { signingSecret } : {}) };
  });
}

export interface RollbackResult {
  status: 'rolled-back' | 'unchanged';
  version: VersionView;
  previousVersion: number | null;
  /** What clients see change: the current schema compared with the rolled-back-to one. */
  changes: SchemaChange[];
}

/**
 * Makes an earlier version current again (a new rollout event; versions stay as they are).
 * The administrator may roll back to any version; an agency only when every subgraph that
 * differs between the two versions is its own.
 */
export async function rollbackTo(em: EntityManager, principal: Principal, target: unknown): Promise<RollbackResult> {
  if (typeof target !== 'number' || !Number.isInteger(target) || target < 1) throw badRequest(`version must be a supergraph version number (see "bdg supergraph versions"), got ${JSON.stringify(target)}`);
  const version = await em.findOne(SupergraphVersion, { version: target });
  if (!version) throw notFound(`There is no supergraph version ${target}`);
  const current = await currentVersion(em);
  if (current?.version === target) return { status: 'unchanged', version: viewOf(version, target), previousVersion: target, changes: [] };
  if (principal.kind === 'gateway') throw forbidden('A gateway token may not roll back');
  if (principal.kind === 'agency') {
    const key = (s: VersionSubgraph) => `${s.name}\n${s.publishId}\n${s.url}`;
    const before = new Map((current ? JSON.parse(current.subgraphs) as VersionSubgraph[] : []).map((s) => [s.name, key(s)]));
    const after = new Map((JSON.parse(version.subgraphs) as VersionSubgraph[]).map((s) => [s.name, key(s)]));
    const differing = [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name));
    const owners = await em.find(RegisteredSubgraph, { name: { $in: differing } });
    const foreign = owners.filter((o) => o.agencyId !== principal.agencyId).map((o) => `${o.name} (${o.agencyId})`);
    if (foreign.length) throw forbidden(`Rolling back to version ${target} would also change ${foreign.join(', ')}; only the administrator may do that`);
  }
  await em.transactional(async (tx) => {
    tx.create(RolloutEvent, { version: target, previousVersion: current?.version ?? null, at: now(), actor: actorOf(principal), reason: 'rollback' });
    await tx.flush();
  });
  const changes = sortChanges([
    ...diffSchemas(current ? apiSchemaOf(current) : null, apiSchemaOf(version)),
    ...diffClassifications(current?.supergraphSdl ?? null, version.supergraphSdl),
  ]);
  return { status: 'rolled-back', version: viewOf(version, target), previousVersion: current?.version ?? null, changes };
}

/** Publishes of one subgraph, newest first. */
export async function historyOf(em: EntityManager, name: string, limit = 50) {
  validSubgraphName(name);
  const registration = await em.findOne(RegisteredSubgraph, { name });
  if (!registration) throw new RegistryError(RegistryErrorCode.NOT_FOUND, `No subgraph named "${name}" has been published`);
  const publishes = await em.find(SchemaPublish, { subgraphName: name }, { orderBy: { id: 'desc' }, limit });
  return {
    name,
    agency: registration.agencyId,
    publishes: publishes.map((p) => {
      const recorded = JSON.parse(p.changes) as { headline: string; changes: SchemaChange[] };
      return { id: p.id, version: p.supergraphVersion, publishedAt: p.publishedAt, agency: p.agencyId, tokenLabel: p.tokenLabel, url: p.routingUrl, sdlHash: p.sdlHash, forced: p.forced, summary: recorded.headline, changes: recorded.changes };
    }),
  };
}
