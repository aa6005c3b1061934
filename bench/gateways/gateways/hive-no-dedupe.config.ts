/**
 * Hive Gateway configuration (its CLI's `-c`) with in-flight deduplication of identical
 * subgraph requests turned off (@graphql-tools/executor-http `deduplicateInflightRequests`,
 * on by default), for the comparison with merging off for every gateway. Nothing else differs
 * from the defaults.
 */
export const gatewayConfig = {
  transportEntries: {
    '*': { options: { deduplicateInflightRequests: false } },
  },
};
