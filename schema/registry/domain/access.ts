import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { generateToken, hashToken, sameHash } from '../auth/tokens';
import { Agency, ApiToken, RegisteredSubgraph, TokenRole } from '../entities';
import { notFound, RegistryError, RegistryErrorCode } from '../errors';
import { validAgencyId, validLabel, validText } from './validation';

/** Who is calling: the administrator, an agency (through one of its tokens) or a gateway. */
export type Principal =
  | { kind: 'admin' }
  | { kind: 'agency'; agencyId: string; tokenId: string; label: string }
  | { kind: 'gateway'; tokenId: string; label: string };

/** "admin", the agency id, or "gateway:<label>": what publish and rollout records name. */
export function actorOf(principal: Principal): string {
  if (principal.kind === 'agency') return principal.agencyId;
  if (principal.kind === 'gateway') return `gateway:${principal.label}`.slice(0, 40);
  return 'admin';
}

const now = () => new Date().toISOString();

/**
 * Resolves a bearer token. The admin token is compared by hash in constant time; other tokens
 * are found by the hash of what was sent (the database holds no usable token).
 */
export async function authenticate(em: EntityManager, token: string, adminToken: string | undefined): Promise<Principal> {
  const hash = hashToken(token);
  if (adminToken && sameHash(hash, hashToken(adminToken))) return { kind: 'admin' };
  const stored = await em.findOne(ApiToken, { tokenHash: hash });
  if (!stored || stored.revokedAt || !sameHash(stored.tokenHash, hash)) {
    throw new RegistryError(RegistryErrorCode.UNAUTHENTICATED, 'The token is unknown or revoked; ask the registry administrator for a new one');
  }
  if (stored.role === 'agency' && stored.agencyId) return { kind: 'agency', agencyId: stored.agencyId, tokenId: stored.id, label: stored.label };
  return { kind: 'gateway', tokenId: stored.id, label: stored.label };
}

export interface AgencyView {
  id: string;
  name: string;
  createdAt: string;
  subgraphs: string[];
}

/** Registers an agency, or renames it when it exists (so that scripts may run it again). */
export async function upsertAgency(em: EntityManager, body: { id?: unknown; name?: unknown }): Promise<{ agency: AgencyView; created: boolean }> {
  const id = validAgencyId(body.id);
  const name = validText(body.name, 'name', 200);
  let agency = await em.findOne(Agency, { id });
  const created = !agency;
  if (!agency) {
    agency = em.create(Agency, { id, name, createdAt: now() });
  } else {
    agency.name = name;
  }
  await em.flush();
  return { agency: await agencyView(em, agency), created };
}

async function agencyView(em: EntityManager, agency: Agency): Promise<AgencyView> {
  const subgraphs = await em.find(RegisteredSubgraph, { agencyId: agency.id }, { orderBy: { name: 'asc' } });
  return { id: agency.id, name: agency.name, createdAt: agency.createdAt, subgraphs: subgraphs.map((s) => s.name) };
}

export async function listAgencies(em: EntityManager): Promise<AgencyView[]> {
  const agencies = await em.find(Agency, {}, { orderBy: { id: 'asc' } });
  const owned = await em.find(RegisteredSubgraph, {}, { orderBy: { name: 'asc' } });
  return agencies.map((a) => ({ id: a.id, name: a.name, createdAt: a.createdAt, subgraphs: owned.filter((s) => s.agencyId === a.id).map((s) => s.name) }));
}

export interface IssuedToken {
  id: string;
  role: TokenRole;
  agencyId: string | null;
  label: string;
  /** The token itself: shown this once, never stored. */
  token: string;
  /** Tokens of the same label this one replaced (revoked). */
  revoked: number;
}

/**
 * Issues a token for an agency or a gateway. With `replace`, earlier live tokens of the same
 * owner and label are revoked: `npm start` gets a fresh token on every start without piling up
 * live ones.
 */
export async function issueToken(em: EntityManager, options: { role: TokenRole; agencyId?: string; label?: unknown; replace?: unknown }): Promise<IssuedToken> {
  const label = validLabel(options.label);
  if (options.role === 'agency') {
    const agencyId = validAgencyId(options.agencyId);
    if (!(await em.findOne(Agency, { id: agencyId }))) throw notFound(`No agency "${agencyId}"; register it first with POST /admin/agencies`);
  }
  return em.transactional(async (tx) => {
    let revoked = 0;
    if (options.replace === true) {
      const older = await tx.find(ApiToken, { role: options.role, agencyId: options.agencyId ?? null, label, revokedAt: null });
      for (const token of older) token.revokedAt = now();
      revoked = older.length;
    }
    const token = generateToken(options.role === 'agency' ? 'bdga' : 'bdgw');
    const stored = tx.create(ApiToken, {
      id: randomUUID(),
      tokenHash: hashToken(token),
      role: options.role,
      agencyId: options.agencyId ?? null,
      label,
      createdAt: now(),
      revokedAt: null,
    });
    await tx.flush();
    return { id: stored.id, role: stored.role, agencyId: stored.agencyId ?? null, label, token, revoked };
  });
}

export async function revokeToken(em: EntityManager, id: string): Promise<void> {
  const token = await em.findOne(ApiToken, { id });
  if (!token) throw notFound(`No token with id "${id}"`);
  token.revokedAt ??= now();
  await em.flush();
}
