import { BUILT_IN_SUBGRAPHS } from '../../subgraphs/catalog';

/** Seed scale of the shared test data set: small enough to seed in seconds, large enough to aggregate. */
export const TEST_SEED_SCALE = process.env.TEST_SEED_SCALE ?? '0.002';

/** Subgraphs the run seeds (TEST_SUBGRAPHS=a,b narrows it while one subgraph is being worked on). */
export function testSubgraphs(): string[] {
  return process.env.TEST_SUBGRAPHS ? process.env.TEST_SUBGRAPHS.split(',').map((s) => s.trim()) : [...BUILT_IN_SUBGRAPHS];
}

/**
 * The HMAC secret gateway and subgraphs share in tests (the global setup makes one per run);
 * `postGraphQL` signs with it too, so tests may call a subgraph directly as the gateway would.
 */
export function testSigningSecret(): string {
  const secret = process.env.SUBGRAPH_SIGNING_SECRET;
  if (!secret) throw new Error('SUBGRAPH_SIGNING_SECRET is not set: the jest global setup (test/support/global-setup.ts) sets it');
  return secret;
}

/** Where the run keeps its databases: PostgreSQL when TEST_DATABASE_URL is set, else a temp folder of SQLite files. */
export function usesPostgres(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL);
}
