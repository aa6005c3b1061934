/**
 * Hive Gateway configuration (its CLI's `-c`) that merges identical in-flight subgraph requests
 * only where that is fair: never across callers when personal fields are selected. This
 * project's personal requests declare a purpose (`x-purpose`, required to read personal data),
 * so the caller's token goes along with the subgraph requests of those: Hive's in-flight key
 * (@graphql-tools/executor-http) then includes it, and such a request is merged only with the
 * same caller's. Public requests carry no extra header and are merged as by default. Nothing
 * else differs from the defaults.
 */
export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs({ request }: { request: Request }): Record<string, string> {
      const authorization = request.headers.get('authorization');
      return request.headers.get('x-purpose') && authorization ? { authorization } : {};
    },
  },
};
