import { createHash } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { DocumentNode, GraphQLError, GraphQLSchema, parse, printSchema } from 'graphql';
import type { CheckError } from './types';

/** A subgraph as composition sees it. */
export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

export type Composition =
  | { ok: true; supergraphSdl: string; supergraphHash: string; apiSchema: GraphQLSchema; apiSchemaSdl: string; hints: string[] }
  | { ok: false; outcome: 'invalid-sdl' | 'composition-failed'; errors: CheckError[] };

/** Hex SHA-256 of a text (SDL, supergraph). */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function toCheckError(error: GraphQLError, fallbackCode: string, subgraph?: string): CheckError {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : fallbackCode;
  const locations = error.locations?.map(({ line, column }) => ({ line, column }));
  return { code, message: error.message, ...(subgraph ? { subgraph } : {}), ...(locations?.length ? { locations } : {}) };
}

/** Parses one subgraph's SDL; a syntax error comes back with its line and column. */
export function parseSdl(name: string, sdl: string): { document: DocumentNode } | { error: CheckError } {
  if (!sdl.trim()) return { error: { code: 'GRAPHQL_PARSE_FAILED', message: 'The schema file is empty', subgraph: name } };
  try {
    return { document: parse(sdl) };
  } catch (error) {
    if (error instanceof GraphQLError) return { error: toCheckError(error, 'GRAPHQL_PARSE_FAILED', name) };
    throw error;
  }
}

/**
 * Composes subgraphs with @apollo/composition, as the gateway will load them. Every error is
 * returned, not only the first: an agency fixes them in one round.
 */
export function composeSubgraphs(subgraphs: SubgraphSource[]): Composition {
  const documents: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  const parseErrors: CheckError[] = [];
  for (const subgraph of subgraphs) {
    const parsed = parseSdl(subgraph.name, subgraph.sdl);
    if ('error' in parsed) parseErrors.push(parsed.error);
    else documents.push({ name: subgraph.name, url: subgraph.url, typeDefs: parsed.document });
  }
  if (parseErrors.length > 0) return { ok: false, outcome: 'invalid-sdl', errors: parseErrors };

  let result: ReturnType<typeof composeServices>;
  try {
    result = composeServices(documents);
  } catch (error) {
    // Composition throws (instead of returning errors) on a few malformed inputs.
    return { ok: false, outcome: 'composition-failed', errors: [{ code: 'COMPOSITION_FAILED', message: (error as Error).message }] };
  }
  if (result.errors) {
    return { ok: false, outcome: 'composition-failed', errors: result.errors.map((e) => toCheckError(e, 'COMPOSITION_FAILED')) };
  }
  const apiSchema = result.schema.toAPISchema().toGraphQLJSSchema();
  const supergraphSdl = `${result.supergraphSdl.trimEnd()}\n`;
  return {
    ok: true,
    supergraphSdl,
    supergraphHash: sha256(supergraphSdl),
    apiSchema,
    apiSchemaSdl: printSchema(apiSchema),
    hints: result.hints.map((hint) => hint.toString()),
  };
}
