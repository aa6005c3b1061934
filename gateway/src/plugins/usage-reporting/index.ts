import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { usedCoordinates, UsedCoordinate } from './field-usage';
import { UsageReporter, UsageReporterOptions } from './reporter';
import { operationSignature, signatureHash } from './signature';

export { UsageReporter } from './reporter';
export type { UsageReporterOptions } from './reporter';
export { operationSignature, signatureHash } from './signature';
export { usedCoordinates } from './field-usage';

export type UsageReportingPluginOptions = UsageReporterOptions;

interface Analysed {
  hash: string;
  operationName: string | null;
  signature: string;
  coordinates: UsedCoordinate[];
}

/** Longest signature and most coordinates reported for one operation (the registry's limits). */
const MAX_SIGNATURE = 20_000;
const MAX_COORDINATES = 2_000;
/** Analysed documents remembered per schema. */
const CACHE_SIZE = 1_000;

/** The operation as the client sent it, captured before other plugins rewrite the document. */
interface Seen {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | null;
  queryHash: string;
  client: string;
}

function clientName(context: GraphQLRequestContextDidResolveOperation<any>): string {
  const name = context.request.http?.headers.get('apollographql-client-name') ?? '';
  return /^[\w .:@/-]{1,100}$/.test(name) ? name : '';
}

/**
 * Tells the registry which operations clients run and which fields they use, so that a schema
 * check can list the operations a change would break. Records each executed operation's
 * signature and schema coordinates (analysed once per document and schema, then cached) and
 * sends batches every few seconds; see UsageReporter for the memory and failure rules. List it
 * before plugins that rewrite the document (access), so that it sees the client's operation.
 */
export function UsageReportingPlugin(options: UsageReportingPluginOptions): ApolloServerPlugin & { reporter: UsageReporter } {
  const reporter = new UsageReporter(options);
  let cacheSchema: GraphQLSchema | undefined;
  let cache = new Map<string, Analysed | null>();

  const analyse = (context: Seen): Analysed | null => {
    // A new supergraph can change what a document's fields belong to: start a new cache.
    if (context.schema !== cacheSchema) {
      cacheSchema = context.schema;
      cache = new Map();
    }
    const key = `${context.queryHash}\n${context.operationName ?? ''}`;
    if (cache.has(key)) return cache.get(key)!;
    const signature = operationSignature(context.document, context.operationName);
    const analysed = signature
      ? {
          hash: signatureHash(signature),
          operationName: context.operationName ?? null,
          signature: signature.slice(0, MAX_SIGNATURE),
          coordinates: usedCoordinates(context.schema, context.document, context.operationName).slice(0, MAX_COORDINATES),
        }
      : null;
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, analysed);
    return analysed;
  };

  return {
    reporter,
    async serverWillStart() {
      reporter.start();
      return {
        async serverWillStop() {
          await reporter.stop();
        },
      };
    },
    async requestDidStart() {
      let seen: Seen | undefined;
      return {
        // Synchronously, before any await: the access plugin (listed after this one) rewrites the
        // document; the registry must see the operation the client sent.
        didResolveOperation(context) {
          seen = { schema: context.schema, document: context.document, operationName: context.operationName ?? null, queryHash: context.queryHash, client: clientName(context) };
          return Promise.resolve();
        },
        // Only operations that execute count.
        async executionDidStart() {
          if (!seen) return;
          try {
            const analysed = analyse(seen);
            if (analysed) reporter.record(analysed.hash, analysed, seen.client);
          } catch (error) {
            // Usage reporting must never fail a request.
            options.log.warn({ err: error }, 'could not record operation usage');
          }
        },
      };
    },
  };
}
