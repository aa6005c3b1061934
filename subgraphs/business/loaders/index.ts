import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../kit/loader-results';
import { Business } from '../entities/business';
import { Industry } from '../entities/industry';
import type { BusinessStats } from '../types/business-stats';
import { loadBusinessStats } from './business-stats';

export { statsKey } from './business-stats';

/**
 * Per-request loaders. Every batch function runs one SQL statement for the whole batch and
 * answers in key order with the same length (null or [] for a key without rows).
 */
export interface BusinessLoaders {
  /** Business by tax code. */
  business: DataLoader<string, Business | null>;
  /** Industry by VSIC code. */
  industry: DataLoader<string, Industry | null>;
  /** Businesses whose legal representative is the citizen with this id, by tax code. */
  businessesByRepresentative: DataLoader<string, Business[]>;
  /** BusinessStats by `statsKey(unitId, scope)`; null for an unknown unit. */
  businessStats: DataLoader<string, BusinessStats | null>;
}

export function createLoaders(em: EntityManager): BusinessLoaders {
  return {
    business: new DataLoader(async (taxCodes) =>
      inKeyOrder(taxCodes, await em.find(Business, { taxCode: { $in: [...taxCodes] } }), (b) => b.taxCode),
    ),
    industry: new DataLoader(async (codes) => inKeyOrder(codes, await em.find(Industry, { code: { $in: [...codes] } }), (i) => i.code)),
    businessesByRepresentative: new DataLoader(async (citizenIds) => {
      const rows = await em.find(Business, { legalRepresentativeId: { $in: [...citizenIds] } }, { orderBy: { taxCode: 'asc' } });
      return groupedInKeyOrder(citizenIds, rows, (b) => b.legalRepresentativeId);
    }),
    businessStats: new DataLoader((keys) => loadBusinessStats(em, keys)),
  };
}
