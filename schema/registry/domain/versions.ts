import type { EntityManager } from '@mikro-orm/core';
import { buildSchema, GraphQLSchema } from 'graphql';
import type { SubgraphSource } from '../checks/composition';
import type { SchemaChange } from '../checks/types';
import { RolloutEvent, SchemaPublish, SupergraphVersion } from '../entities';

/** One subgraph schema a supergraph version composes. */
export interface VersionSubgraph {
  name: string;
  url: string;
  publishId: number;
  sdlHash: string;
}

export interface VersionSummary {
  headline: string;
  changes: SchemaChange[];
  forced: boolean;
}

/** A version as the API shows it (the SDL only where asked for). */
export interface VersionView {
  version: number;
  hash: string;
  createdAt: string;
  author: string;
  subgraph: string;
  summary: string;
  forced: boolean;
  changes: SchemaChange[];
  subgraphs: VersionSubgraph[];
  current?: boolean;
}

export function subgraphsOf(version: SupergraphVersion): VersionSubgraph[] {
  return JSON.parse(version.subgraphs) as VersionSubgraph[];
}

export function summaryOf(version: SupergraphVersion): VersionSummary {
  return JSON.parse(version.summary) as VersionSummary;
}

export function viewOf(version: SupergraphVersion, currentVersion?: number | null): VersionView {
  const summary = summaryOf(version);
  return {
    version: version.version,
    hash: version.hash,
    createdAt: version.createdAt,
    author: version.author,
    subgraph: version.subgraphName,
    summary: summary.headline,
    forced: summary.forced,
    changes: summary.changes,
    subgraphs: subgraphsOf(version),
    ...(currentVersion !== undefined ? { current: version.version === currentVersion } : {}),
  };
}

async function latestEvent(em: EntityManager): Promise<RolloutEvent | null> {
  // findOne refuses an empty filter; a one-row find is the same query.
  const [event] = await em.find(RolloutEvent, {}, { orderBy: { id: 'desc' }, limit: 1 });
  return event ?? null;
}

/** The version the gateways should serve: the one of the latest rollout event. */
export async function currentVersion(em: EntityManager): Promise<SupergraphVersion | null> {
  const event = await latestEvent(em);
  return event ? em.findOne(SupergraphVersion, { version: event.version }) : null;
}

export async function currentVersionNumber(em: EntityManager): Promise<number | null> {
  return (await latestEvent(em))?.version ?? null;
}

export async function latestVersionNumber(em: EntityManager): Promise<number> {
  const [latest] = await em.find(SupergraphVersion, {}, { orderBy: { version: 'desc' }, limit: 1, fields: ['version'] });
  return latest?.version ?? 0;
}

/** The subgraph schemas of a version, ready to compose. */
export async function sourcesOf(em: EntityManager, version: SupergraphVersion | null): Promise<(SubgraphSource & { publishId: number; sdlHash: string })[]> {
  if (!version) return [];
  const entries = subgraphsOf(version);
  const publishes = await em.find(SchemaPublish, { id: { $in: entries.map((e) => e.publishId) } });
  const byId = new Map(publishes.map((p) => [p.id, p]));
  return entries.map((entry) => {
    const publish = byId.get(entry.publishId);
    if (!publish) throw new Error(`Version ${version.version} names publish ${entry.publishId} of ${entry.name}, which is missing`);
    return { name: entry.name, url: entry.url, sdl: publish.sdl, publishId: publish.id, sdlHash: publish.sdlHash };
  });
}

const apiSchemas = new Map<string, GraphQLSchema>();

/** The client-facing schema of a version, built once per process (versions never change). */
export function apiSchemaOf(version: SupergraphVersion): GraphQLSchema {
  let schema = apiSchemas.get(version.hash);
  if (!schema) {
    schema = buildSchema(version.apiSchemaSdl, { assumeValidSDL: true });
    if (apiSchemas.size >= 8) apiSchemas.delete(apiSchemas.keys().next().value!);
    apiSchemas.set(version.hash, schema);
  }
  return schema;
}
