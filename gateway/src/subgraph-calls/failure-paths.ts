import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, SelectionSetNode } from 'graphql';

/** At most this many errors describe one failed call (a list of 10,000 entities must not mean 10,000 errors). */
export const MAX_FAILURE_ERRORS = 100;

/**
 * The paths a failed subgraph call would have filled, in the form the gateway expects from a
 * subgraph: each root field of a root fetch (`[field]`), or each field of each entity of an
 * `_entities` fetch (`['_entities', i, field]`, which the gateway rewrites to the entity's
 * place in the response). So every field that comes back null has its own error.
 */
export function failurePaths(options: GraphQLDataSourceProcessOptions): (string | number)[][] {
  const document = documentOf(options);
  const operation = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!document || !operation) return [];
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const representations = (options.request.variables as { representations?: unknown } | undefined)?.representations;
  const entities = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');

  if (Array.isArray(representations) && entities?.kind === Kind.FIELD && entities.selectionSet) {
    const paths: (string | number)[][] = [];
    const keysByType = new Map<string, string[]>();
    for (let i = 0; i < representations.length && paths.length < MAX_FAILURE_ERRORS; i += 1) {
      const typename = String((representations[i] as { __typename?: unknown })?.__typename ?? '');
      let keys = keysByType.get(typename);
      if (!keys) keysByType.set(typename, (keys = responseKeys(entities.selectionSet, typename, fragments)));
      if (keys.length === 0) paths.push(['_entities', i]);
      for (const key of keys) if (paths.length < MAX_FAILURE_ERRORS) paths.push(['_entities', i, key]);
    }
    return paths;
  }
  return responseKeys(operation.selectionSet, undefined, fragments)
    .slice(0, MAX_FAILURE_ERRORS)
    .map((key) => [key]);
}

/** The gateway passes the fetch's parsed document only when configured to; parse it otherwise (failures only). */
function documentOf(options: GraphQLDataSourceProcessOptions): DocumentNode | undefined {
  if ('document' in options && options.document) return options.document;
  try {
    return options.request.query ? parse(options.request.query) : undefined;
  } catch {
    return undefined;
  }
}

/** Response keys (alias or name) of the fields a selection set selects for `typename`, through fragments. */
function responseKeys(selectionSet: SelectionSetNode, typename: string | undefined, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  const keys = new Set<string>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') keys.add((selection.alias ?? selection.name).value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || typename === undefined || selection.typeCondition.name.value === typename) {
        responseKeys(selection.selectionSet, typename, fragments, seen).forEach((k) => keys.add(k));
      }
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      if (typename !== undefined && fragment.typeCondition.name.value !== typename) continue;
      seen.add(fragment.name.value);
      responseKeys(fragment.selectionSet, typename, fragments, seen).forEach((k) => keys.add(k));
    }
  }
  return [...keys];
}
