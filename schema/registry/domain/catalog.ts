import type { EntityManager } from '@mikro-orm/core';
import { RegisteredSubgraph, SchemaPublish } from '../entities';
import { currentVersion, subgraphsOf } from './versions';

export interface SubgraphListing {
  name: string;
  agency: string;
  /** Routing URL in the current version; null when the current version does not include it (rolled back). */
  url: string | null;
  inCurrentVersion: boolean;
  sdlHash: string | null;
  publishedAt: string | null;
  /** Version that introduced the schema the current version serves. */
  publishedInVersion: number | null;
}

/** Every registered subgraph, with what the current version serves of it. */
export async function listSubgraphs(em: EntityManager): Promise<{ currentVersion: number | null; subgraphs: SubgraphListing[] }> {
  const current = await currentVersion(em);
  const entries = current ? subgraphsOf(current) : [];
  const registrations = await em.find(RegisteredSubgraph, {}, { orderBy: { name: 'asc' } });
  const publishes = entries.length ? await em.find(SchemaPublish, { id: { $in: entries.map((e) => e.publishId) } }) : [];
  return {
    currentVersion: current?.version ?? null,
    subgraphs: registrations.map((registration) => {
      const entry = entries.find((e) => e.name === registration.name);
      const publish = entry ? publishes.find((p) => p.id === entry.publishId) : undefined;
      return {
        name: registration.name,
        agency: registration.agencyId,
        url: entry?.url ?? null,
        inCurrentVersion: !!entry,
        sdlHash: publish?.sdlHash ?? null,
        publishedAt: publish?.publishedAt ?? null,
        publishedInVersion: publish?.supergraphVersion ?? null,
      };
    }),
  };
}

/** Signing secrets of every registered subgraph, for the gateway. */
export async function signingSecrets(em: EntityManager): Promise<{ name: string; secret: string }[]> {
  const registrations = await em.find(RegisteredSubgraph, {}, { orderBy: { name: 'asc' } });
  return registrations.map((r) => ({ name: r.name, secret: r.signingSecret }));
}
