import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLFieldResolver, GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, NonEmptyArray } from 'type-graphql';
import { CLASSIFICATION_SPEC_URL, CLASSIFIED_DIRECTIVE_NAME, ClassifiedDirective } from './classification-levels';
import { BigIntScalar, DateScalar, DateTimeScalar } from './scalars';

/** The one place that says which Federation version and directives every subgraph uses. */
const FEDERATION_LINK = `extend schema @link(
  url: "https://specs.apollo.dev/federation/v2.5"
  import: ["@key", "@shareable", "@external", "@requires", "@provides", "@extends", "@inaccessible", "@tag", "@override", "@composeDirective", "@interfaceObject"]
)
extend schema @link(url: "${CLASSIFICATION_SPEC_URL}", import: ["@${CLASSIFIED_DIRECTIVE_NAME}"])
  @composeDirective(name: "@${CLASSIFIED_DIRECTIVE_NAME}")`;

export type ReferenceResolver = (reference: Record<string, unknown>, context: any, info: any) => unknown;

export interface SubgraphSchemaOptions {
  /** type-graphql resolver classes. */
  resolvers: NonEmptyArray<Function>;
  /** Types not reachable from a resolver that must still be in the schema (entity stubs, union members). */
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name, e.g. `{ Citizen: (ref, ctx) => ctx.loaders.citizen.load(ref.id) }`. */
  referenceResolvers?: Record<string, ReferenceResolver>;
}

/** type-graphql cannot describe root types; every subgraph gives Query the same description so composition agrees. */
const QUERY_DESCRIPTION = 'Entry points of the federated graph of the Bình Dương shared data warehouse.';

async function buildTypeGraphQLSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    // Subgraphs may have no Query type of their own; composition checks the whole graph.
    skipCheck: true,
    validate: false,
    // The classification directive (kit/classification.ts) travels into the supergraph.
    directives: [ClassifiedDirective],
    scalarsMap: [
      { type: Date, scalar: DateTimeScalar },
      { type: BigInt, scalar: BigIntScalar },
    ],
  });
  const query = schema.getQueryType();
  if (query && !query.description) query.description = QUERY_DESCRIPTION;
  return schema;
}

/** An executable Federation v2 subgraph schema (with `_entities` and `_service`). */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<{ schema: GraphQLSchema; typeDefs: string }> {
  const schema = await buildTypeGraphQLSchema(options);
  const typeDefs = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`;
  const resolvers = createResolversMap(schema) as Record<string, any>;
  for (const [typeName, resolve] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), __resolveReference: resolve as GraphQLFieldResolver<unknown, unknown> };
  }
  // Keep the contract's scalar implementations (printing to SDL and back drops them).
  for (const scalar of [DateScalar, DateTimeScalar, BigIntScalar]) {
    if (schema.getType(scalar.name)) resolvers[scalar.name] = scalar;
  }
  return { schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers }), typeDefs };
}
