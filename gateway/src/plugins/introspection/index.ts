import type { ApolloServerPlugin } from '@apollo/server';
import { GatewayErrorCode } from '../../errors';
import { ANALYST_SCOPE, callerView, hasScope } from '../../caller-view';
import { limitError } from '../limits';
import { measureOperation } from '../limits/shape';

export interface IntrospectionPluginOptions {
  /** NODE_ENV=development: introspection for everyone. */
  development: boolean;
  /** Scope that may introspect in production (default "analyst"). */
  scope?: string;
}

/**
 * Introspection (`__schema`, `__type`; `__typename` is always allowed) is open in development
 * and, in production, only for callers with the analyst scope: the schema documents every
 * personal field, which an anonymous caller has no need to map.
 */
export function IntrospectionPlugin(options: IntrospectionPluginOptions): ApolloServerPlugin {
  const scope = options.scope ?? ANALYST_SCOPE;
  return {
    async requestDidStart() {
      if (options.development) return {};
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (!operation || !measureOperation(document, operation).introspection || hasScope(callerView(contextValue), scope)) return;
          throw limitError(GatewayErrorCode.INTROSPECTION_DISABLED, `Introspection (__schema, __type) is available only to callers with the "${scope}" scope outside development; use a token with that scope, or the published schema (schema/supergraph.graphql).`, { requiredScope: scope }, 403);
        },
      };
    },
  };
}
