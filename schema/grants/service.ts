import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Grant, grantProblems } from './grant';
import { GrantRecord } from './grant.entity';

/** A grant that fails validation; the message lists every problem. */
export class InvalidGrantError extends Error {
  override name = 'InvalidGrantError';
  constructor(readonly problems: string[]) {
    super(`The grant is not valid: ${problems.join('; ')}`);
  }
}

export class GrantNotFoundError extends Error {
  override name = 'GrantNotFoundError';
}

function toGrant(r: GrantRecord): Grant & { id: string; createdAt: string; revokedAt: string | null } {
  const fields = JSON.parse(r.fields) as string[];
  const actsFor = JSON.parse(r.actsFor ?? '[]') as string[];
  return {
    id: r.id,
    agency: r.agency,
    ...(r.level ? { level: r.level } : {}),
    ...(fields.length ? { fields } : {}),
    ...(actsFor.length ? { actsFor } : {}),
    purposes: JSON.parse(r.purposes),
    legalBasis: r.legalBasis,
    ...(r.validFrom ? { validFrom: r.validFrom } : {}),
    ...(r.validTo ? { validTo: r.validTo } : {}),
    createdAt: r.createdAt,
    revokedAt: r.revokedAt,
  };
}

/** Grants in the registry's database: add, list, revoke (never edited in place, so history stays). */
export const grantService = {
  async add(em: EntityManager, input: Partial<Grant>): Promise<Grant & { id: string }> {
    const problems = grantProblems(input);
    if (problems.length) throw new InvalidGrantError(problems);
    const g = input as Grant;
    const record: GrantRecord = {
      id: randomUUID(),
      agency: g.agency,
      level: g.level ?? null,
      fields: JSON.stringify(g.fields ?? []),
      actsFor: JSON.stringify(g.actsFor ?? []),
      purposes: JSON.stringify(g.purposes),
      legalBasis: g.legalBasis,
      validFrom: g.validFrom ?? null,
      validTo: g.validTo ?? null,
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
    await em.insert(GrantRecord, record);
    return toGrant(record);
  },

  /** Grants not revoked (the gateway checks the validity dates itself), optionally of one agency. */
  async list(em: EntityManager, options: { agency?: string; includeRevoked?: boolean } = {}): Promise<ReturnType<typeof toGrant>[]> {
    const where: Record<string, unknown> = {};
    if (options.agency) where.agency = options.agency;
    if (!options.includeRevoked) where.revokedAt = null;
    return (await em.find(GrantRecord, where, { orderBy: { createdAt: 'asc', id: 'asc' } })).map(toGrant);
  },

  async revoke(em: EntityManager, id: string): Promise<void> {
    const record = await em.findOne(GrantRecord, { id });
    if (!record) throw new GrantNotFoundError(`No grant has id ${id}; list them with "grants list"`);
    if (!record.revokedAt) await em.nativeUpdate(GrantRecord, { id }, { revokedAt: new Date().toISOString() });
  },

  /** Loads a grants file ({"grants": [...]}) into an empty table, e.g. the development grants. */
  async importIfEmpty(em: EntityManager, grants: Partial<Grant>[]): Promise<number> {
    if ((await em.count(GrantRecord, {})) > 0) return 0;
    for (const g of grants) await grantService.add(em, g);
    return grants.length;
  },
};
