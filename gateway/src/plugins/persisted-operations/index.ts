import type { ApolloServerPlugin } from '@apollo/server';
import { ANALYST_SCOPE, callerView, hasScope } from '../../caller-view';
import { GatewayErrorCode } from '../../errors';
import { limitError } from '../limits';

export { documentHash, loadManifest } from './manifest';
export { RedisKeyValueCache } from './redis-cache';

export interface PersistedOperationsPluginOptions {
  /** Registered documents by sha256 (TRUSTED_DOCUMENTS_FILE); empty when none. */
  manifest: Map<string, string>;
  /** Accept only registered documents (TRUSTED_DOCUMENTS=on; default off). */
  trustedDocuments: boolean;
  /** Scope whose callers may still send ad-hoc documents (default "analyst"). */
  analystScope?: string;
}

/**
 * Persisted operations beside Apollo's automatic persisted queries (APQ, built in):
 * - a registered document can be sent by its hash alone (`extensions.persistedQuery`), even
 *   before any client registered it through APQ;
 * - in trusted-documents mode, any other document is refused with PERSISTED_QUERY_NOT_TRUSTED,
 *   except from callers with the analyst scope, so ad-hoc analysis keeps working.
 */
export function PersistedOperationsPlugin(options: PersistedOperationsPluginOptions): ApolloServerPlugin {
  const analystScope = options.analystScope ?? ANALYST_SCOPE;
  return {
    async requestDidStart({ request }) {
      // Runs before Apollo's APQ lookup: supplying the text makes a registered hash always known.
      const hash = request.extensions?.persistedQuery?.sha256Hash;
      if (request.query === undefined && typeof hash === 'string' && options.manifest.has(hash)) request.query = options.manifest.get(hash);
      if (!options.trustedDocuments) return {};
      return {
        async didResolveOperation({ queryHash, contextValue }) {
          if (options.manifest.has(queryHash) || hasScope(callerView(contextValue), analystScope)) return;
          throw limitError(
            GatewayErrorCode.PERSISTED_QUERY_NOT_TRUSTED,
            `This gateway accepts only registered operations (trusted-documents mode), and this document (sha256 ${queryHash}) is not registered. Send a registered operation, by its hash or its exact text, or use a token with the "${analystScope}" scope for ad-hoc queries.`,
            { sha256Hash: queryHash },
          );
        },
      };
    },
  };
}
