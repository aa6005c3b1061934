import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { inKeyOrder } from '../kit/loader-results';
import { Dossier } from './entities/dossier';
import { Procedure } from './entities/procedure';
import { ApplicantCountKey, ApplicantPageKey, countApplicantDossiers, fetchApplicantPages } from './sql/applicant-dossiers';
import { fetchDossierCounts, StatsQueryKey } from './sql/dossier-stats';
import { DossierCounts } from './types/dossier-stats';

/**
 * Per-request loaders. Every batch function runs ONE SQL statement for all its keys and
 * answers in key order, same length, null for a missing key, so a request's statement
 * count does not grow with the number of parents.
 */
export interface DossierLoaders {
  procedureByCode: DataLoader<string, Procedure | null>;
  dossierByCode: DataLoader<string, Dossier | null>;
  applicantDossiers: DataLoader<ApplicantPageKey, Dossier[], string>;
  applicantDossierCount: DataLoader<ApplicantCountKey, number, string>;
  dossierCounts: DataLoader<StatsQueryKey, DossierCounts, string>;
}

/** Batches stay well inside SQLite's and PostgreSQL's statement limits. */
const MAX_BATCH = 1000;

export function createDossierLoaders(em: EntityManager): DossierLoaders {
  // Composite keys: the same request for the same parent is loaded once.
  const options = { maxBatchSize: MAX_BATCH, cacheKeyFn: (key: unknown) => JSON.stringify(key) };
  return {
    procedureByCode: new DataLoader(async (codes) => inKeyOrder(codes, await em.find(Procedure, { code: { $in: [...codes] } }), (p) => p.code), { maxBatchSize: MAX_BATCH }),
    dossierByCode: new DataLoader(async (codes) => inKeyOrder(codes, await em.find(Dossier, { code: { $in: [...codes] } }), (d) => d.code), { maxBatchSize: MAX_BATCH }),
    applicantDossiers: new DataLoader<ApplicantPageKey, Dossier[], string>((keys) => fetchApplicantPages(em, keys), options),
    applicantDossierCount: new DataLoader<ApplicantCountKey, number, string>((keys) => countApplicantDossiers(em, keys), options),
    dossierCounts: new DataLoader<StatsQueryKey, DossierCounts, string>((keys) => fetchDossierCounts(em, keys), options),
  };
}
